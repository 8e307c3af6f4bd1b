package org.earlyhelp.hubs;

/**
 * A hub's size from its areas, with a warning when it is outside the configured range.
 *
 * @param hub the hub
 * @param areas how many areas it has
 * @param population residents of those areas (or the hub's recorded figure before any are assigned)
 * @param children residents aged 0-15
 * @param outsideRange whether the population is outside the configured range
 * @param version the hub's version, for detecting concurrent changes
 */
public record HubTotals(Hub hub, int areas, long population, long children, boolean outsideRange, int version) {}
