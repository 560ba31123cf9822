package org.djx.engine.plugin;

import java.util.Objects;
import java.util.ServiceLoader;
import org.djx.api.spi.Plugin;

/**
 * A provider that discovery found: its class is loaded, which runs none of its code; its static
 * initializer and constructor run only when it is created.
 *
 * @param kind     the service it provides
 * @param provider how to create it
 * @param source   the jar (or plugin folder) it came from, as problems name it
 */
record FoundProvider(PluginKind kind, ServiceLoader.Provider<? extends Plugin> provider, String source) {
    FoundProvider {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
    }

    /** Returns the provider's class, without running any of its code. */
    Class<? extends Plugin> type() {
        return provider.type();
    }

    /** Returns {@code layer provider com.example.Foo}, as messages name it. */
    String describe() {
        return kind.label() + " provider " + type().getName();
    }
}
