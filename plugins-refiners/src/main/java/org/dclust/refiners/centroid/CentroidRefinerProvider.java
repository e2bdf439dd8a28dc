package org.dclust.refiners.centroid;

import java.util.List;
import org.dclust.api.model.Refiner;
import org.dclust.api.param.Params;
import org.dclust.api.spi.RefinerProvider;

/** Registers the {@code centroid} refiner ({@link CentroidRefiner}). */
public final class CentroidRefinerProvider implements RefinerProvider {
    @Override
    public String name() {
        return "centroid";
    }

    @Override
    public List<String> aliases() {
        return List.of("kmeans", "none");
    }

    @Override
    public String title() {
        return "keep the learner's own assignment to its centres (for ae: AE + k-means)";
    }

    @Override
    public Refiner create(Params params) {
        return new CentroidRefiner();
    }
}
