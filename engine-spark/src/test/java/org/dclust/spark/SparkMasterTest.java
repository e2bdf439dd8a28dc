package org.dclust.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

/** The master URL of {@code --master}: Spark's forms are taken, anything else is a user error naming them. */
class SparkMasterTest {
    @Test
    void sparkMasterUrlsAreTaken() {
        for (String m : new String[] {"local", "local[2]", "local[*]", "local[2,3]", "spark://host:7077", "yarn", "k8s://https://h:6443"}) {
            assertThat(SparkMaster.resolve(m)).isEqualTo(m);
        }
        assertThat(SparkMaster.isLocal("local[2,3]")).isTrue();
        assertThat(SparkMaster.isLocal("yarn")).isFalse();
    }

    @Test
    void anythingElseIsRefusedWithTheForms() {
        for (String m : new String[] {"local[two]", "local2", "mesos", "127.0.0.1:7077"}) {
            assertThatThrownBy(() -> SparkMaster.resolve(m)).isInstanceOf(DclustException.class)
                    .hasMessage("--master " + m + " is not a Spark master URL: give local[N] (N tasks at once), local[N,F] (each task "
                            + "tried up to F times), spark://HOST:PORT, yarn or k8s://URL");
        }
    }

    @Test
    void noMasterAndNoSparkSubmitIsAUserError() {
        assertThat(System.getProperty("spark.master")).isNull();
        assertThatThrownBy(() -> SparkMaster.resolve(null)).isInstanceOf(DclustException.class)
                .hasMessageStartingWith("--engine spark needs a master: --master 'local[N]' runs N cells at once");
    }
}
