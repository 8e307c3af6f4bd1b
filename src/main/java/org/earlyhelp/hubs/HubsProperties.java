package org.earlyhelp.hubs;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hubs module.
 *
 * @param populationMin below this many residents a hub is flagged (default 40,000)
 * @param populationMax above this many residents a hub is flagged (default 60,000)
 */
@ConfigurationProperties("earlyhelp.hubs")
public record HubsProperties(
        @Nullable Integer populationMin, @Nullable Integer populationMax) {

    public int min() {
        return populationMin == null ? 40_000 : populationMin;
    }

    public int max() {
        return populationMax == null ? 60_000 : populationMax;
    }
}
