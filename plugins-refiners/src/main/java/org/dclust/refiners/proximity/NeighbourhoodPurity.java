package org.dclust.refiners.proximity;

import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.MetricProvider;

/**
 * {@code neighbourPurity}: the share of each sample's {@value #M} nearest neighbours in the latent space
 * (the exact {@link KnnGraph}, Euclidean) that carry its true class, averaged over the samples. It
 * measures how well the latent space keeps classes apart locally, whatever the clustering: the
 * quantity R-DC's proximity-level self-supervision relies on, since a sample is pulled towards its
 * neighbours. Label-based, so report-only: the framework computes it after a run whose data has labels;
 * it never enters training or model selection. Higher is better; 1 when every neighbourhood is pure.
 * The number of neighbours is ours ({@value #M}, the {@code proximity} refiner's default M).
 */
public final class NeighbourhoodPurity implements MetricProvider {
    /** Neighbours per sample. */
    static final int M = 10;

    @Override
    public String name() {
        return "neighbourPurity";
    }

    @Override
    public String title() {
        return "Share of each sample's " + M + " nearest latent neighbours in its class (label-based, report-only; needs the latent codes)";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(ProximityRefinerProvider.RDC);
    }

    @Override
    public boolean needsLatent() {
        return true;
    }

    /** @throws UnsupportedOperationException always: this metric measures latent codes (the four-argument score) */
    @Override
    public double score(int[] truth, int[] predicted) {
        throw new UnsupportedOperationException(name() + " measures the latent codes: call score(truth, predicted, latent, seed)");
    }

    /** The mean purity; NaN with fewer than {@value #M} + 1 samples. */
    @Override
    public double score(int[] truth, int[] predicted, float[][] latent, long seed) {
        if (latent.length != truth.length) {
            throw new IllegalArgumentException(latent.length + " latent codes for " + truth.length + " labels");
        }
        if (latent.length <= M) {
            return Double.NaN;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            return of(KnnGraph.of(latent, M, m), truth);
        }
    }

    /** The mean over the graph's samples of the share of their neighbours whose label equals theirs. */
    static double of(KnnGraph graph, int[] labels) {
        long same = 0;
        for (int i = 0; i < graph.size(); i++) {
            for (int j : graph.of(i)) {
                same += labels[j] == labels[i] ? 1 : 0;
            }
        }
        return (double) same / ((long) graph.size() * graph.m());
    }
}
