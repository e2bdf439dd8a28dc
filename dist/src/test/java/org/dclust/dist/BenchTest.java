package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dclust bench}: dclust's epochs and bare DJL ones take turns, every round is recorded, and the
 * warm-up round (one by default) is recorded but not counted.
 */
class BenchTest {
    @Test
    void interleavesRoundsOfEveryPhaseAsked(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bench");
        CliEndToEndTest.Outcome o = CliEndToEndTest.dclust("bench", "--set", "n=200", "--rounds", "2",
                "--phases", "pretrain,dcss,mnet", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.get("samples").asInt()).isEqualTo(200);
        assertThat(json.get("phases")).hasSize(3);
        assertThat(json.get("load").asInt()).isZero();
        assertThat(json.get("warmUpRounds").asInt()).isEqualTo(1);
        assertThat(json.at("/matmul/squareMatmulGflops").asDouble()).isPositive().isFinite();
        assertThat(json.at("/matmul/layerMatmulGflops").asDouble()).isPositive().isFinite();
        for (JsonNode phase : json.get("phases")) {
            // the warm-up round and the two timed ones
            assertThat(phase.get("dclustSeconds")).hasSize(3);
            assertThat(phase.get("bareSeconds")).hasSize(3);
            for (JsonNode s : phase.get("bareSeconds")) {
                assertThat(s.asDouble()).isPositive();
            }
            assertThat(phase.get("ratio").asDouble()).isPositive().isFinite();
            assertThat(phase.get("dclustGflops").asDouble()).isPositive().isFinite();
            assertThat(phase.get("matmulFlops")).hasSize(3);
        }
        // the rounds alternate: the log shows dclust's and the bare loop's time on each line
        assertThat(o.err()).contains("dcss      round  3   dclust").containsPattern("dcss      round  1 .*\\(warm-up, not counted\\)")
                .doesNotContainPattern("round  2 .*warm-up");
        assertThat(Files.readAllLines(out.resolve("bench.csv"))).hasSize(1 + 3 * 3).contains(
                "phase,batch,round,warm_up,dclust_seconds,bare_seconds,matmul_flops").anyMatch(l -> l.startsWith("dcss,256,1,true,"))
                .anyMatch(l -> l.startsWith("dcss,256,3,false,"));
        assertThat(o.out()).contains("| mnet | 500 | 2 |");
        assertThat(out.resolve("scratch")).doesNotExist();
    }

    @Test
    void anUnknownPhaseIsAUserError(@TempDir Path tmp) {
        CliEndToEndTest.Outcome o = CliEndToEndTest.dclust("bench", "--phases", "dcss,vade", "--out", tmp.resolve("b").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("vade").contains("known: pretrain, acai, dcss");
    }
}
