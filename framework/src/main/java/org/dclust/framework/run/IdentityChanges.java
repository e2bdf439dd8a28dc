package org.dclust.framework.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a run's configuration or data since it started: the differences between the identity
 * it recorded (a study cell's result.json or failed.json, a run's identity.json) and the identity it
 * would record now, as
 * {@code path: old → new} lines ({@code learner.params.pretrainEpochs: 2 → 3}). Compared are the
 * plugins and all their resolved parameters, the data set's parameters and content fingerprint, K, the
 * preset, the preprocessing, the seed and the device type; not the versions of dclust, DJL and Java
 * (a long study survives a rebuild), nor the wording of where K came from. Two runs that estimate K in
 * the same range compare equal on K whatever the estimate (identity.json holds none yet; the estimate
 * follows from the rest).
 */
public final class IdentityChanges {
    /** Identity fields that do not make a result differ. */
    private static final Set<String> IGNORED = Set.of("versions", "clustersSource");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The identity field of an estimated K's range. */
    private static final String AUTO = "clustersAuto";

    private IdentityChanges() {
    }

    /** The differences, in field order; empty when the cell can be reused. */
    public static List<String> between(RunIdentity recorded, RunIdentity now) {
        List<String> out = new ArrayList<>();
        JsonNode a = tree(recorded);
        JsonNode b = tree(now);
        if (a.hasNonNull(AUTO) && a.get(AUTO).equals(b.get(AUTO))) {
            ((ObjectNode) a).remove("clusters");
            ((ObjectNode) b).remove("clusters");
        }
        diff("", a, b, out);
        return out;
    }

    /** Both sides through the same JSON text, so numbers compare as result.json holds them. */
    private static JsonNode tree(RunIdentity identity) {
        try {
            return JSON.readTree(JSON.writeValueAsString(identity == null ? Map.of() : identity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            for (Iterator<String> it = b.fieldNames(); it.hasNext();) {
                fields.add(it.next());
            }
            for (String f : fields) {
                if (path.isEmpty() && IGNORED.contains(f)) {
                    continue;
                }
                diff(path.isEmpty() ? f : path + "." + f, a.get(f), b.get(f), out);
            }
        } else if (a == null || b == null || !a.equals(b)) {
            out.add(path + ": " + text(a) + " → " + text(b));
        }
    }

    private static String text(JsonNode n) {
        return n == null ? "(not set)" : n.isTextual() ? n.asText() : n.toString();
    }
}
