package com.example.dclust;

import java.util.List;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;

/**
 * An example third-party data set plugin: K concentric noisy rings in the plane. It depends on
 * dclust-api only and is discovered through META-INF/services.
 */
public final class RingsDatasetProvider implements DatasetProvider {
    @Override
    public String name() {
        return "example-rings";
    }

    @Override
    public String title() {
        return "example plugin: concentric noisy rings in 2-D";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 600, 2, 10_000_000, "number of samples"),
                ParamSpec.integer("rings", 3, 2, 100, "number of rings (classes)"),
                ParamSpec.real("noise", 0.05, 0, 10, "standard deviation of the radial noise"),
                ParamSpec.integer("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "generator seed"));
    }

    @Override
    public Dataset load(Params p) {
        int n = p.getInt("n");
        int rings = p.getInt("rings");
        Random r = new Random(p.getInt("seed"));
        float[] v = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % rings;
            double angle = r.nextDouble() * 2 * Math.PI;
            double radius = 1 + y[i] + r.nextGaussian() * p.getDouble("noise");
            v[2 * i] = (float) (radius * Math.cos(angle));
            v[2 * i + 1] = (float) (radius * Math.sin(angle));
        }
        return new Dataset(name(), v, new int[] {2}, y, rings);
    }
}
