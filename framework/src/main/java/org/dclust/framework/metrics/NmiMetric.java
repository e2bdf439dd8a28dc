package org.dclust.framework.metrics;

import java.util.function.IntToLongFunction;
import org.dclust.api.spi.MetricProvider;

/**
 * {@code nmi}: normalized mutual information, {@code MI / ((H(truth) + H(predicted)) / 2)} with
 * natural logarithms, as scikit-learn's {@code normalized_mutual_info_score} with its default
 * arithmetic normalisation. It is 1 when both labelings have a single cluster and 0 when the mutual
 * information is 0, as in scikit-learn.
 */
public final class NmiMetric implements MetricProvider {
    @Override
    public String name() {
        return "nmi";
    }

    @Override
    public String title() {
        return "Normalized mutual information (arithmetic normalisation)";
    }

    @Override
    public double score(int[] truth, int[] predicted) {
        ConfusionMatrix cm = ConfusionMatrix.of(truth, predicted);
        if (cm.classCount() == 1 && cm.clusterCount() == 1) {
            return 1.0;
        }
        double mi = mutualInformation(cm);
        if (mi == 0) {
            return 0.0;
        }
        double hTruth = entropy(cm.total(), cm.classCount(), cm::classSize);
        double hPredicted = entropy(cm.total(), cm.clusterCount(), cm::clusterSize);
        return mi / ((hTruth + hPredicted) / 2);
    }

    /** Mutual information in nats, clipped at 0; terms below machine epsilon are dropped as in scikit-learn. */
    static double mutualInformation(ConfusionMatrix cm) {
        if (cm.classCount() == 1 || cm.clusterCount() == 1) {
            return 0.0;
        }
        double n = cm.total();
        double logN = Math.log(n);
        double mi = 0;
        for (int c = 0; c < cm.nonZeroCells(); c++) {
            double nij = cm.cellCount(c);
            double a = cm.classSize(cm.rowOf(c));
            double b = cm.clusterSize(cm.columnOf(c));
            double term = nij / n * (Math.log(nij) + logN - Math.log(a) - Math.log(b));
            if (Math.abs(term) >= Math.ulp(1.0)) {
                mi += term;
            }
        }
        return Math.max(mi, 0.0);
    }

    private static double entropy(long total, int groups, IntToLongFunction size) {
        double h = 0;
        double logN = Math.log(total);
        for (int g = 0; g < groups; g++) {
            double p = size.applyAsLong(g);
            h -= p / total * (Math.log(p) - logN);
        }
        return h;
    }
}
