package com.example.dclust;

import java.util.Map;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.testkit.PluginConformanceSuite;

/** The example plugin passes dclust's shared conformance checks. */
class ExampleConformanceTest extends PluginConformanceSuite {
    @Override
    protected Map<String, Object> datasetParams(DatasetProvider plugin) {
        return Map.of("n", 90);
    }
}
