package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dclust.dist.CliEndToEndTest.dclust;

import org.dclust.dist.CliEndToEndTest.Outcome;
import org.junit.jupiter.api.Test;

/** {@code dclust plugins}: one kind, one plugin's page, and user errors for an unknown kind or name. */
class PluginsCommandTest {
    @Test
    void anUnknownKindIsAUserErrorListingTheKinds() {
        Outcome o = dclust("plugins", "--kind", "nosuch");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().strip()).isEqualTo("error: unknown plugin kind 'nosuch'; --kind takes one of: dataset, backbone, learner, refiner,"
                + " metric, index");
    }

    @Test
    void oneKindSingularOrPluralShowsOnlyThatKind() {
        for (String kind : new String[] {"refiner", "REFINERS"}) {
            Outcome o = dclust("plugins", "--kind", kind);
            assertThat(o.code()).as(kind).isZero();
            assertThat(o.out()).as(kind).startsWith("REFINERS\n").contains("  centroid", "  mnet").doesNotContain("LEARNERS", "DATASETS");
        }
        assertThat(dclust("plugins", "--kind", "indices").out()).startsWith("INTERNAL INDICES\n").contains("silhouette");
    }

    @Test
    void aNameOrAnAliasShowsThatPluginsPage() {
        Outcome o = dclust("plugins", "mnet");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("REFINERS\n  mnet").contains("paper:", "mnet.epochs = ").doesNotContain("centroid -", "LEARNERS");
        Outcome upper = dclust("plugins", "MNET");
        assertThat(upper.out()).isEqualTo(o.out());
        assertThat(dclust("plugins", "dec-ae").out()).as("an alias of mlp").startsWith("BACKBONES\n  mlp (aliases: dec-ae)");
        Outcome withKind = dclust("plugins", "ae", "--kind", "learner");
        assertThat(withKind.out()).startsWith("LEARNERS\n  ae").doesNotContain("  dcss");
    }

    @Test
    void presetSettingsArePrintedInTheOrderThePluginDeclaresItsParameters() {
        // moco's presets are written with Map.of: without the ordering they print in whatever order the map iterates
        String page = dclust("plugins", "moco").out();
        String quick = page.lines().filter(l -> l.strip().startsWith("preset quick: ")).findFirst().orElseThrow();
        assertThat(quick).contains("{epochs=20, batchSize=64, lr=");
        assertThat(quick.indexOf("temperature=")).isLessThan(quick.indexOf("queue="));
    }

    @Test
    void anUnknownNameIsAUserErrorNamingTheClosestPlugins() {
        Outcome o = dclust("plugins", "mnt");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("error: no plugin is named 'mnt' (did you mean mnet?); ./dclust plugins lists them all");
        Outcome far = dclust("plugins", "zzzzzzzz");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err().strip()).isEqualTo("error: no plugin is named 'zzzzzzzz'; ./dclust plugins lists them all");
        Outcome wrongKind = dclust("plugins", "mnet", "--kind", "learner");
        assertThat(wrongKind.code()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("no plugin of kind learner is named 'mnet'", "./dclust plugins --kind learner lists them all");
    }
}
