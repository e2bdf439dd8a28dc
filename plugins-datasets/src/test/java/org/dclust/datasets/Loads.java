package org.dclust.datasets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;

/** Loads a data set from a provider with parameters given as name, value, name, value... */
final class Loads {
    private Loads() {
    }

    static Dataset load(DatasetProvider p, Object... kv) {
        return p.load(params(p, kv));
    }

    static Params params(DatasetProvider p, Object... kv) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            given.put((String) kv[i], kv[i + 1]);
        }
        return Params.resolve(p.name(), p.parameters(), given);
    }
}
