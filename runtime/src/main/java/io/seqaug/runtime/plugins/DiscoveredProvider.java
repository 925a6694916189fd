package io.seqaug.runtime.plugins;

import io.seqaug.api.Provider;

/**
 * A provider found by discovery, with where it came from.
 *
 * @param kind the provider kind
 * @param provider the instance
 * @param origin the jar or class folder that holds its class
 * @param <T> the SPI type
 */
public record DiscoveredProvider<T extends Provider>(ProviderKind<T> kind, T provider, String origin) {}
