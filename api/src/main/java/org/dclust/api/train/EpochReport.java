package org.dclust.api.train;

import java.util.Map;

/**
 * What one finished epoch reports: its phase ("pretrain", "dcss", "mnet"...), the epoch (1-based) of
 * how many, its wall time, and named values (loss, pair participation...).
 */
public record EpochReport(String phase, int epoch, int epochs, double seconds, Map<String, Double> values) {
}
