package org.dclust.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.spi.MetricProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.Plugins;
import org.junit.jupiter.api.Test;

class MetricRegistrationTest {
    @Test
    void builtInMetricsAndIndicesAreRegistered() {
        assertThat(Plugins.all(MetricProvider.class)).extracting(PluginInfo::name)
                .contains("acc", "nmi", "ari", "f1-macro", "f1-micro");
        assertThat(Plugins.all(InternalIndexProvider.class)).extracting(PluginInfo::name)
                .contains("silhouette", "calinski-harabasz", "davies-bouldin");
        assertThat(Plugins.find(MetricProvider.class, "accuracy")).isInstanceOf(AccuracyMetric.class);
        assertThat(Plugins.find(InternalIndexProvider.class, "DB")).isInstanceOf(DaviesBouldinIndex.class);
    }
}
