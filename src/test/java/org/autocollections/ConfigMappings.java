package org.autocollections;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A configuration mapping read from the given properties, as the service reads it at start, without starting it. */
public final class ConfigMappings {

    private ConfigMappings() {
    }

    public static <T> T read(Class<T> mapping, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
        return config.getConfigMapping(mapping);
    }
}
