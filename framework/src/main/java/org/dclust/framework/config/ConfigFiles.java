package org.dclust.framework.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;

/** Reads and writes run configurations as YAML (JSON is valid YAML too). */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** A YAML mapper that rejects unknown fields. */
    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads a run configuration file; unknown fields and malformed YAML are user errors naming the file. */
    public static RunConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DclustException("configuration file " + file + " does not exist");
        }
        try {
            RunConfig c = yaml().readValue(file.toFile(), RunConfig.class);
            if (c == null) {
                throw new DclustException("configuration file " + file + " is empty");
            }
            if (c.set == null) {
                c.set = new java.util.LinkedHashMap<>();
            }
            return c;
        } catch (UnrecognizedPropertyException e) {
            throw new DclustException(file + ": unknown field '" + e.getPropertyName() + "'; known fields: "
                    + "dataset, learner, refiner, backbone, clusters, preset, preprocessing, seed, device, set");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DclustException(file + " is not a valid configuration: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DclustException("cannot read " + file + ": " + e.getMessage(), e);
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
