package org.dclust.framework.metrics;

import org.dclust.api.spi.MetricProvider;

/**
 * {@code f1-macro}: F1 after the ACC mapping ({@link MappedLabels}), averaged with equal weight over
 * the true classes. A class's F1 is {@code 2 tp / (class size + size of its mapped cluster)}; a class
 * that receives no cluster scores 0. Samples of surplus clusters lower the recall of their class only.
 */
public final class F1MacroMetric implements MetricProvider {
    @Override
    public String name() {
        return "f1-macro";
    }

    @Override
    public String title() {
        return "Macro-averaged F1 over the true classes after the ACC mapping";
    }

    @Override
    public double score(int[] truth, int[] predicted) {
        MappedLabels mapped = MappedLabels.of(truth, predicted);
        ConfusionMatrix cm = mapped.confusion();
        double sum = 0;
        for (int row = 0; row < cm.classCount(); row++) {
            int col = mapped.columnOfRow(row);
            if (col >= 0) {
                long tp = cm.count(row, col);
                sum += 2.0 * tp / (cm.classSize(row) + cm.clusterSize(col));
            }
        }
        return sum / cm.classCount();
    }
}
