package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cache keys are the first 24 hex digits of the SHA-256 of the identity's compact JSON, exactly as the
 * pretraining and phase-1 caches named their entries before they shared this code (so existing cache
 * entries are found again). Reference: Python's hashlib on json.dumps(identity, separators=(',', ':')).
 */
class CacheKeyTest {
    @Test
    void keyIsTheSha256OfTheCompactJson() {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("data", "sha256:ab");
        id.put("seed", 1);
        id.put("lr", 0.001);
        id.put("shape", new int[] {1, 28, 28});
        assertThat(CacheKey.of(id)).isEqualTo("ca9d72fc6a101182a8a57403");
    }

    @Test
    void theOrderOfTheIdentityCounts() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("y", 2);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", 2);
        b.put("x", 1);
        assertThat(CacheKey.of(a)).hasSize(24).isNotEqualTo(CacheKey.of(b));
    }
}
