package org.dclust.framework.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.param.Params;
import org.dclust.api.spi.PluginInfo;

/** A chosen provider with its resolved parameters. */
public record PluginChoice<P extends PluginInfo>(P provider, Params params) {
    /** Name and parameters, as provenance records them. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", provider.name());
        m.put("params", params.asMap());
        return m;
    }
}
