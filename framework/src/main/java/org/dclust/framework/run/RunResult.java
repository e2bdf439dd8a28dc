package org.dclust.framework.run;

import java.util.Map;
import org.dclust.api.model.ClusterModel;

/**
 * What a pipeline run produced: the trained model, one cluster id per sample, the metrics (empty
 * without labels), internal indices, and the {@link RunRecord} written as result.json.
 */
public record RunResult(ClusterModel model, int[] assignments, Map<String, Double> metrics, Map<String, Double> internal,
        RunRecord record, AutoCloseable resources) implements AutoCloseable {
    /** Frees the model's native memory. */
    @Override
    public void close() {
        model.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
