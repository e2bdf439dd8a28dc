package org.dclust.framework.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.framework.registry.PluginRegistry;

/**
 * The repeated {@code --set key=value} options of a command. A key given twice is refused (as a
 * configuration file refuses a repeated field) instead of keeping the last value silently; so is an
 * option without {@code =}. All problems are reported together.
 */
public final class SetOptions {
    private SetOptions() {
    }

    /**
     * The options as an ordered map.
     *
     * @throws InvalidParameterException naming every option without {@code key=value} and every key given twice
     */
    public static Map<String, String> parse(List<String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String o : options == null ? List.<String>of() : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                problems.add("--set " + o + ": expected key=value (e.g. --set learner.epochs=10)");
                continue;
            }
            String key = o.substring(0, eq).trim();
            String value = o.substring(eq + 1).trim();
            String before = out.putIfAbsent(key, value);
            if (before != null) {
                problems.add("--set " + key + " is given twice (" + before + " and " + value + "); give it once");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return out;
    }

    /**
     * A command's {@code --set} options that may only set the data set's parameters (predict, embed):
     * parameter → value; a setting of another plugin, or one given twice under two spellings, is a
     * user error.
     *
     * @param command the command's name, for the message
     */
    public static Map<String, String> datasetSettings(PluginRegistry registry, String dataset, List<String> options, String command) {
        DatasetProvider dp = registry.get(DatasetProvider.class, dataset);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parse(options).entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            String prefix = dot < 0 ? "" : key.substring(0, dot);
            if (!prefix.equals("dataset") && !prefix.equalsIgnoreCase(dp.name())) {
                throw new DclustException("--set " + key + ": " + command + " takes only data set settings (dataset.param=value)");
            }
            String param = key.substring(dot + 1);
            String other = spelled.putIfAbsent(param, key);
            if (other != null) {
                throw new DclustException("--set " + other + " and --set " + key + " both set the data set's " + param + "; give it once");
            }
            values.put(param, e.getValue());
        }
        return values;
    }
}
