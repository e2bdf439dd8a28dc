package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dclust.dist.CliEndToEndTest.dclust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels as users have them, through the command line: classes from 1, a single class, shuffled predictions. */
class LabelsEndToEndTest {
    /** 30 points in 3 well separated groups of 2-D features, labelled 1, 2, 3 (or all 1). */
    static Path features(Path dir, boolean oneClass) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 30; i++) {
            int g = i % 3;
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%d%n", 10.0 * g + 0.01 * i, -10.0 * g + 0.02 * i, oneClass ? 1 : g + 1));
        }
        return Files.writeString(dir.resolve(oneClass ? "one.csv" : "three.csv"), csv.toString());
    }

    static String[] run(Path csv) {
        return new String[] {"run", "--dataset", "features", "--set", "features.path=" + csv, "--set", "features.label=label",
            "--learner", "ae", "--refiner", "centroid", "--set", "learner.pretrainEpochs=1", "--no-cache", "--no-tsne"};
    }

    @Test
    void labelsFromOneGiveTheirNumberOfClassesAndASingleClassAsksForClusters(@TempDir Path tmp) throws Exception {
        Outcome three = dclust(run(features(tmp, false)));
        assertThat(three.code()).as(three.err()).isZero();
        // before: "K = 4 from the data set's 4 classes"
        assertThat(three.out()).contains("K = 3 from the data set's 3 classes (labels 1, 2, 3)");

        Outcome one = dclust(run(features(tmp, true)));
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("data set one has one class (label 1), so K cannot come from its classes: "
                + "set the number of clusters with --clusters K (at least 2)").doesNotContain("K = 1 is not valid");
    }

    @Test
    void evaluatePairsRowsByTheirIndexAndRefusesADuplicate(@TempDir Path tmp) throws Exception {
        Path truth = Files.writeString(tmp.resolve("truth.txt"), "0\n1\n2\n0\n1\n2\n");
        // a perfect clustering (cluster = class + 1 mod 3), rows in another order
        Path pred = Files.writeString(tmp.resolve("pred.csv"), "index,cluster\n5,0\n0,1\n4,2\n1,2\n3,1\n2,0\n");
        Outcome ok = dclust("evaluate", "--truth", truth.toString(), "--pred", pred.toString(), "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"acc\" : 1.0", "\"nmi\" : 1.0");
        Path dup = Files.writeString(tmp.resolve("dup.csv"), "index,cluster\n5,0\n0,1\n4,2\n1,2\n3,1\n3,0\n");
        Outcome bad = dclust("evaluate", "--truth", truth.toString(), "--pred", dup.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("index 3 appears twice (lines 6 and 7)").doesNotContain("Exception");
    }
}
