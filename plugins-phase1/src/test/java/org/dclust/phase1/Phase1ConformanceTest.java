package org.dclust.phase1;

import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.Params;
import org.dclust.api.spi.PluginInfo;
import org.dclust.phase1.backbone.ResNetBackboneProvider;
import org.dclust.testkit.PluginConformanceSuite;
import org.dclust.testkit.SyntheticData;

/**
 * Every phase-1 plugin passes the shared conformance checks. moco and secu learn from augmented images
 * with an encoder-only network: they are checked on 120 tiny 1×8×8 images (three blobs of 64 values,
 * shaped as images) with a 2-stage resnet of width 8 (the channel block of oneDNN's AVX2 kernels: see ResNetBackbone); moco with a queue of 64 keys and batches in 4
 * slices, secu with 2 heads and an 8-value embedding.
 */
class Phase1ConformanceTest extends PluginConformanceSuite {
    private static boolean isMoco(PluginInfo plugin) {
        return plugin.name().equals("moco");
    }

    /** The learners that need images and an encoder-only backbone. */
    private static boolean needsImages(PluginInfo plugin) {
        return isMoco(plugin) || plugin.name().equals("secu");
    }

    @Override
    protected Dataset trainingData(PluginInfo plugin) {
        if (!needsImages(plugin)) {
            return super.trainingData(plugin);
        }
        Dataset blobs = SyntheticData.blobs(120, 64, 3, 5);
        return new Dataset("tiny-images", blobs.values(), new int[] {1, 8, 8}, blobs.labels(), 3);
    }

    @Override
    protected Backbone backbone(PluginInfo plugin) {
        if (!needsImages(plugin)) {
            return super.backbone(plugin);
        }
        ResNetBackboneProvider p = new ResNetBackboneProvider();
        return p.create(Params.resolve(p.name(), p.parameters(), Map.of("width", 8, "stages", 2, "blocks", 1)));
    }

    @Override
    protected Map<String, Object> tinySettings(PluginInfo plugin) {
        Map<String, Object> m = super.tinySettings(plugin);
        if (isMoco(plugin)) {
            m.put("queue", 64);
            m.put("bnSplits", 4);
            m.put("dim", 8);
        }
        if (plugin.name().equals("secu")) {
            m.put("heads", 2);
            m.put("dim", 8);
        }
        return m;
    }
}
