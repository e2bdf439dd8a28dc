package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.junit.jupiter.api.Test;

/** The four providers are registered, cite their papers, accept their presets, and share the {@code ae} pretraining. */
class ProvidersTest {
    static final List<String> MINE = List.of("dec", "idec", "dcn", "dkm");

    static Map<String, LearnerProvider> registered() {
        return StreamSupport.stream(ServiceLoader.load(LearnerProvider.class).spliterator(), false)
                .collect(Collectors.toMap(LearnerProvider::name, p -> p));
    }

    @Test
    void registeredWithPapersAndValidPresets() {
        Map<String, LearnerProvider> all = registered();
        assertThat(all).containsKeys("ae", "dec", "idec", "dcn", "dkm");
        for (String name : MINE) {
            LearnerProvider p = all.get(name);
            assertThat(p.paper()).as(name).isPresent();
            assertThat(p.description()).as(name).contains("quick", "default", "paper");
            assertThat(p.presets()).as(name).containsOnlyKeys("quick", "default", "paper");
            assertThat(p.parameters().stream().map(ParamSpec::name).distinct().count()).as(name).isEqualTo(p.parameters().size());
            for (Map<String, Object> preset : p.presets().values()) {
                Params.resolve(name, p.parameters(), preset);
            }
            Params.defaults(name, p.parameters());
        }
        assertThat(all.get("idec").parameters().stream().filter(s -> s.name().equals("gamma")).findFirst().orElseThrow().defaultValue()).isEqualTo(0.1);
        assertThat(all.get("dec").parameters().stream().map(ParamSpec::name)).doesNotContain("gamma");
    }

    @Test
    void pretrainingDefaultsAndPresetsMatchTheAeLearnerSoTheCacheIsShared() {
        Map<String, LearnerProvider> all = registered();
        LearnerProvider ae = all.get("ae");
        Params aeDefaults = Params.defaults("ae", ae.parameters());
        for (String name : MINE) {
            LearnerProvider p = all.get(name);
            Params d = Params.defaults(name, p.parameters());
            for (String key : List.of("pretrainEpochs", "pretrainLr", "batchSize")) {
                assertThat(d.asMap().get(key)).as(name + "." + key).isEqualTo(aeDefaults.asMap().get(key));
            }
            for (String preset : List.of("quick", "default")) {
                Map<String, Object> mine = new HashMap<>(p.presets().get(preset));
                Params resolved = Params.resolve(name, p.parameters(), mine);
                Params aeResolved = Params.resolve("ae", ae.parameters(), ae.presets().get(preset));
                for (String key : List.of("pretrainEpochs", "pretrainLr", "batchSize")) {
                    assertThat(resolved.asMap().get(key)).as(name + " " + preset + " " + key).isEqualTo(aeResolved.asMap().get(key));
                }
            }
        }
    }
}
