package io.seqaug.runtime.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.seqaug.api.Provider;

/**
 * Binds every discovered provider into a Guice {@code MapBinder<String, XProvider>} keyed by name,
 * so that components receive {@code Map<String, BackboneProvider>} and friends by injection.
 */
public final class ProvidersModule extends AbstractModule {

    private final PluginDiscovery discovery;

    /**
     * Creates the module.
     *
     * @param discovery the providers to bind
     */
    public ProvidersModule(PluginDiscovery discovery) {
        this.discovery = discovery;
    }

    @Override
    protected void configure() {
        bind(PluginDiscovery.class).toInstance(discovery);
        for (ProviderKind<?> kind : ProviderKind.ALL) {
            bindKind(kind);
        }
    }

    private <T extends Provider> void bindKind(ProviderKind<T> kind) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, kind.type());
        discovery.providers(kind).forEach((name, found) -> binder.addBinding(name).toInstance(found.provider()));
    }
}
