package org.dclust.framework.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes run configurations as YAML (JSON is valid YAML too). */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** A YAML mapper that rejects unknown fields (for writing; files are read through {@link YamlDocument}). */
    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads a run configuration file. Its content problems (not valid YAML, a field given twice, an
     * unknown field, a value of the wrong kind such as {@code seed: 1.5}) do not stop the reading: each
     * is recorded in {@link RunConfig#readProblems} with the file, line, column, field and what was
     * expected, the field keeps its default, and {@link ConfigResolver} reports them together with
     * every other problem of the run. A missing or unreadable file is an immediate error.
     */
    public static RunConfig read(Path file) {
        RunConfig c = new RunConfig();
        YamlDocument doc = YamlDocument.read(file, "configuration file");
        doc.fields().ifPresent(f -> {
            f.rejectUnknown(RunConfig.FIELDS);
            c.dataset = f.text("dataset", c.dataset);
            c.learner = f.text("learner", c.learner);
            c.refiner = f.text("refiner", c.refiner);
            c.backbone = f.optionalText("backbone", c.backbone);
            c.clusters = clusters(f);
            c.selectEpoch = f.optionalText("selectEpoch", c.selectEpoch);
            c.preset = f.optionalText("preset", c.preset);
            c.preprocessing = f.text("preprocessing", c.preprocessing);
            c.seed = f.integer("seed", c.seed, Long.MIN_VALUE, Long.MAX_VALUE);
            c.device = f.text("device", c.device);
            c.set = f.settings("set");
        });
        c.readProblems.addAll(doc.problems());
        return c;
    }

    /**
     * The {@code clusters} field: a whole number, {@code auto} or {@code auto:MIN..MAX}; null when absent
     * (a value of another form is a problem of the file).
     */
    public static ClusterCount clusters(YamlFields f) {
        String text = f.optionalText("clusters", null);
        if (text == null) {
            return null;
        }
        try {
            return ClusterCount.parse(text);
        } catch (IllegalArgumentException e) {
            f.invalid("clusters", ClusterCount.EXPECTED);
            return null;
        }
    }

    /** The configuration as YAML text. */
    public static String toYaml(RunConfig c) {
        try {
            return yaml().writeValueAsString(c);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
