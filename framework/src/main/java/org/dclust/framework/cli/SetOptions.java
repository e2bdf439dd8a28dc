package org.dclust.framework.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.param.InvalidParameterException;

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
}
