package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dclust.api.DclustException;
import org.dclust.api.UnknownPluginException;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.framework.Dclust;
import org.dclust.framework.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library facade: same labels as the command line, events, cancellation, typed errors, predict after load. */
class FacadeTest {
    private static Dclust tiny() {
        return Dclust.pipeline().dataset("fashion-mnist-small", Map.of("n", 300)).learner("ae", Map.of("pretrainEpochs", 3))
                .backbone("mlp", Map.of("hidden", "64,64")).refiner("centroid").seed(3);
    }

    @Test
    void sameLabelsAsTheCommandLineAndPredictsAfterLoading(@TempDir Path tmp) throws Exception {
        CliEndToEndTest.Outcome cli = CliEndToEndTest.dclust(CliEndToEndTest.tinyRun("--out", tmp.resolve("cli").toString()));
        assertThat(cli.code()).as(cli.err()).isZero();
        List<String> lines = Files.readAllLines(tmp.resolve("cli/assignments.csv"));
        int[] fromCli = lines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[1])).toArray();

        List<EpochReport> epochs = new java.util.ArrayList<>();
        try (RunResult r = tiny().listener(new EventSink() {
            @Override
            public void epochEnded(EpochReport e) {
                epochs.add(e);
            }
        }).fit()) {
            assertThat(r.assignments()).containsExactly(fromCli);
            assertThat(r.metrics()).containsKeys("acc", "nmi", "ari");
            assertThat(epochs).hasSize(3).allMatch(e -> e.phase().equals("pretrain") && e.values().containsKey("loss"));
            r.model().save(tmp.resolve("model"));
            float[][] some = new float[20][];
            try (ClusterModel loaded = ClusterModel.load(tmp.resolve("model"))) {
                var data = new org.dclust.datasets.FashionMnistSmallProvider();
                var ds = data.load(org.dclust.api.param.Params.resolve(data.name(), data.parameters(), Map.of("n", 300)));
                for (int i = 0; i < some.length; i++) {
                    some[i] = ds.sample(i);
                }
                int[] predicted = loaded.predict(some);
                assertThat(predicted).containsExactly(java.util.Arrays.copyOf(fromCli, 20));
                assertThat(loaded.predictProba(some)[0]).hasSize(10);
                assertThat(loaded.transform(some)[0]).hasSize(10);
            }
        }
    }

    @Test
    void cancellationStopsAtTheNextBatchAndLeavesNothingHalfWritten(@TempDir Path tmp) throws Exception {
        AtomicInteger batches = new AtomicInteger();
        Dclust d = tiny().outputDirectory(tmp.resolve("run")).listener(new EventSink() {
            @Override
            public void batchDone(String phase) {
                batches.incrementAndGet();
            }
        }).cancellation(() -> batches.get() >= 3);
        assertThatThrownBy(d::fit).isInstanceOf(CancelledException.class);
        assertThat(batches.get()).isEqualTo(3);
        assertThat(tmp.resolve("run/result.json")).doesNotExist();
        assertThat(tmp.resolve("run/model")).doesNotExist();
        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    /**
     * Whatever the learner and refiner, the run warns at its end when the final assignment collapsed:
     * 60 samples at two points cannot fill four clusters, so two are empty.
     */
    @Test
    void aCollapsedAssignmentIsReportedAtTheEnd() {
        float[][] points = new float[60][];
        for (int i = 0; i < points.length; i++) {
            points[i] = i % 2 == 0 ? new float[] {0, 0, 0} : new float[] {1, 1, 1};
        }
        List<String> notes = new java.util.ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void info(String message) {
                notes.add(message);
            }
        };
        try (RunResult r = Dclust.pipeline().data(points, null).clusters(4).learner("ae", Map.of("pretrainEpochs", 1))
                .backbone("mlp", Map.of("hidden", "8", "latentDim", 2)).refiner("centroid").seed(1).listener(sink).fit()) {
            assertThat(r.record().emptyClusters()).isEqualTo(2);
            assertThat(r.record().warnings()).as("kept in result.json").anyMatch(w -> w.startsWith("warning: the clusters collapsed"));
        }
        // the run is the learner's own assignment already: the advice is another learner only
        assertThat(notes).filteredOn(n -> n.startsWith("warning: the clusters collapsed")).singleElement().asString()
                .contains("2 of 4 clusters are empty", "(ae + centroid)", "compare with another learner").doesNotContain("--refiner centroid");
    }

    /**
     * The run records libtorch's thread count (one in the tests), and both caches key their entries
     * on dclust's version, the code that trains and that thread count, which each entry's
     * identity.json shows.
     */
    @Test
    void recordsTheThreadCountAndKeysTheCachesOnVersionCodeAndThreads(@TempDir Path tmp) throws Exception {
        try (RunResult r = tiny().cacheDirectory(tmp).fit()) {
            assertThat(r.record().times().threads()).isEqualTo(1);
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String kind : new String[] {"pretrain", "phase1"}) {
            List<Path> entries;
            try (Stream<Path> s = Files.list(tmp.resolve(kind))) {
                entries = s.toList();
            }
            assertThat(entries).as(kind).hasSize(1);
            Map<?, ?> id = json.readValue(entries.get(0).resolve("identity.json").toFile(), Map.class);
            assertThat(id.get("dclust")).as(kind).isEqualTo(org.dclust.framework.run.Versions.dclust());
            assertThat((String) id.get("code")).as(kind).matches("[0-9a-f]{24}");
            assertThat(id.get("threads")).as(kind).isEqualTo(1);
        }
    }

    @Test
    void userMistakesRaiseTypedExceptions() {
        assertThatThrownBy(() -> tiny().learner("nope").fit()).isInstanceOf(UnknownPluginException.class)
                .hasMessageContaining("unknown learner 'nope'").hasMessageContaining("ae");
        assertThatThrownBy(() -> tiny().set("learner.pretrainEpochs", -1).set("mlp.latentDim", 0).fit())
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).problems()).hasSize(2));
        assertThatThrownBy(() -> Dclust.pipeline().data(new float[][] {{1, 2}, {3}}, null))
                .isInstanceOf(DclustException.class).hasMessageContaining("sample 1 has 1 values");
        assertThatThrownBy(() -> Dclust.pipeline().data(new float[][] {{1, 2}, {3, 4}}, null).fit())
                .isInstanceOf(DclustException.class).hasMessageContaining("declares no number of classes");
    }
}
