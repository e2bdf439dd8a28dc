package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.Plugins;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {
    @Test
    void everyDatasetIsFoundByServiceLoaderWithValidDefaults() {
        var all = Plugins.all(DatasetProvider.class);
        assertThat(all).extracting(PluginInfo::name).contains("idx", "fashion-mnist", "fashion-mnist-small", "mnist", "kmnist", "2mnist", "synthetic", "features", "cifar10", "cifar100-20", "stl10", "usps", "image-folder", "medmnist").doesNotHaveDuplicates();
        for (DatasetProvider p : all) {
            assertThat(p.title()).isNotBlank();
            assertThat(p.description()).isNotBlank();
            assertThat(Params.defaults(p.name(), p.parameters()).asMap()).containsKeys("n", "subset", "subsetSeed", "imbalance", "imbalanceSeed", "normalize");
        }
        assertThat(Plugins.find(DatasetProvider.class, "fashion-mnist-small")).isInstanceOf(FashionMnistSmallProvider.class);
    }
}
