package org.dclust.spark;

import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dclust.api.DclustException;

/**
 * Starts Spark for a study or a batch prediction. The master comes from {@code --master}, else from
 * spark-submit ({@code spark.master}); a local master ({@code local}, {@code local[N]},
 * {@code local[N,F]}: N tasks at once, each tried up to F times) binds the driver to 127.0.0.1 and has
 * no web UI, as nothing outside this machine takes part.
 */
final class SparkMaster {
    /** The master URLs Spark knows (SparkContext.createTaskScheduler). */
    private static final Pattern KNOWN = Pattern.compile("local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[.+]|spark://.+|yarn|k8s://.+");
    private static final Pattern LOCAL = Pattern.compile("local(\\[.*)?");

    private SparkMaster() {
    }

    /**
     * The master to use.
     *
     * @param given {@code --master}, or null
     * @throws DclustException when none is given and spark-submit gave none, or it is not a master URL
     */
    static String resolve(String given) {
        String master = given != null ? given : System.getProperty("spark.master");
        if (master == null) {
            throw new DclustException("--engine spark needs a master: --master 'local[N]' runs N cells at once on this machine; "
                    + "on a cluster give spark://HOST:PORT, yarn or k8s://URL, or start dclust with spark-submit, which sets it");
        }
        if (!KNOWN.matcher(master).matches()) {
            throw new DclustException("--master " + master + " is not a Spark master URL: give local[N] (N tasks at once), local[N,F] "
                    + "(each task tried up to F times), spark://HOST:PORT, yarn or k8s://URL");
        }
        return master;
    }

    /** Whether {@code master} runs everything in this JVM. */
    static boolean isLocal(String master) {
        return LOCAL.matcher(master).matches();
    }

    /** A Spark context on {@code master}, logging warnings only. */
    static JavaSparkContext start(String master, String what) {
        SparkConf conf = new SparkConf().setAppName("dclust " + what).setMaster(master);
        if (isLocal(master)) {
            conf.set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1").set("spark.ui.enabled", "false");
        }
        JavaSparkContext jsc = new JavaSparkContext(conf);
        jsc.setLogLevel("WARN");
        return jsc;
    }
}
