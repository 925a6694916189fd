package io.seqaug.runtime.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;

import java.io.File;
import java.net.URL;

/**
 * Makes every {@code include} of an experiment file required: Typesafe Config skips an included
 * file that does not exist unless it is written {@code include required(...)}, so a misspelt
 * include silently ran the experiment without its settings. Here it is an error naming the include
 * and the file that has it.
 */
final class RequiredIncludes implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    private final ConfigIncluder fallback;

    /** An includer that Typesafe completes with its default one through {@link #withFallback}. */
    RequiredIncludes() {
        this(null);
    }

    private RequiredIncludes(ConfigIncluder fallback) {
        this.fallback = fallback;
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder other) {
        return fallback == null ? new RequiredIncludes(other) : this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        return required(context, "\"" + what + "\"", c -> fallback.include(c, what));
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        return required(context, "file(\"" + what + "\")", c -> ((ConfigIncluderFile) fallback).includeFile(c, what));
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        return required(context, "url(\"" + what + "\")", c -> ((ConfigIncluderURL) fallback).includeURL(c, what));
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        return required(context, "classpath(\"" + what + "\")", c -> ((ConfigIncluderClasspath) fallback).includeResources(c, what));
    }

    private interface Include {
        ConfigObject from(ConfigIncludeContext context);
    }

    private static ConfigObject required(ConfigIncludeContext context, String what, Include include) {
        try {
            return include.from(context.setParseOptions(context.parseOptions().setAllowMissing(false)));
        } catch (ConfigException.IO e) {
            throw new ConfigError("include " + what + " names no file that exists (a relative name is looked up beside the "
                    + "including file); fix the name or remove the include");
        }
    }
}
