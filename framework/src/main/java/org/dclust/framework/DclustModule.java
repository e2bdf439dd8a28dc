package org.dclust.framework;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.dclust.framework.registry.PluginRegistry;

/** Guice wiring of the framework: one plugin registry per process; runners and commands get it injected. */
public final class DclustModule extends AbstractModule {
    @Provides
    @Singleton
    PluginRegistry registry() {
        return PluginRegistry.discover();
    }
}
