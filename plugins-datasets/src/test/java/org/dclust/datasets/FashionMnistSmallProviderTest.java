package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;

class FashionMnistSmallProviderTest {
    static Dataset load(Map<String, ?> given) {
        FashionMnistSmallProvider p = new FashionMnistSmallProvider();
        return p.load(Params.resolve(p.name(), p.parameters(), given));
    }

    static int[] perClass(Dataset d) {
        int[] c = new int[d.numClasses()];
        for (int l : d.labels()) {
            c[l]++;
        }
        return c;
    }

    @Test
    void loads3000ImagesWith300PerClass() {
        Dataset d = load(Map.of());
        assertThat(d.name()).isEqualTo("fashion-mnist-small");
        assertThat(d.size()).isEqualTo(3000);
        assertThat(d.sampleShape()).containsExactly(1, 28, 28);
        assertThat(d.numClasses()).isEqualTo(10);
        assertThat(perClass(d)).containsOnly(300);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : d.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        assertThat(load(Map.of()).fingerprint()).isEqualTo(d.fingerprint());
    }

    @Test
    void takesTheSubsetParameters() {
        Dataset d = load(Map.of("n", 100, "subsetSeed", 7));
        assertThat(d.size()).isEqualTo(100);
        assertThat(perClass(d)).containsOnly(10);
        assertThat(load(Map.of("n", 5, "subset", "first")).size()).isEqualTo(5);
    }

    @Test
    void describesItselfAndItsLicence() {
        FashionMnistSmallProvider p = new FashionMnistSmallProvider();
        assertThat(p.description()).contains("3,000").contains("MIT").contains("Zalando");
        assertThat(FashionMnistSmallProvider.class.getResource(FashionMnistSmallProvider.RESOURCE_DIR + "README.md")).isNotNull();
    }
}
