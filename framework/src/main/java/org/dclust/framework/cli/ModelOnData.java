package org.dclust.framework.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.model.ClusterModel;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.DeviceChoice;
import picocli.CommandLine.Option;

/** The options of a command that applies a saved model to a data set ({@code predict}, {@code embed}): a picocli mixin. */
public final class ModelOnData {
    @Option(names = "--model", required = true, description = "a saved model directory (a run's model/)")
    Path model;
    @Option(names = "--dataset", required = true, description = "data set plugin")
    String dataset;
    @Option(names = "--set", description = "dataset.param=value for the data set; repeatable")
    List<String> sets = new ArrayList<>();
    @Option(names = "--device", description = "auto, cpu or gpu (default ${DEFAULT-VALUE})", defaultValue = "auto")
    String device;

    /** The data set's settings ({@link SetOptions#datasetSettings}); {@code command} names the command in messages. */
    Map<String, String> settings(PluginRegistry registry, String command) {
        return SetOptions.datasetSettings(registry, dataset, sets, command);
    }

    /** Loads the saved model on the chosen device. */
    ClusterModel loadModel() {
        return ClusterModel.load(model, DeviceChoice.resolve(device));
    }
}
