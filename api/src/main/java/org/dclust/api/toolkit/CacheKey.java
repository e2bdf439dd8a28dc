package org.dclust.api.toolkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The name of a cache entry: the first 24 hexadecimal digits of the SHA-256 of an identity's JSON
 * (Jackson's compact form, keys in the map's order). The identity holds everything that determines
 * the cached result (data fingerprint, plugins and their parameters, seed, device), so equal work
 * finds the same entry and any difference finds another. The shared pretraining and the framework's
 * phase-1 cache both name their entries so.
 */
public final class CacheKey {
    private CacheKey() {
    }

    /** The key of {@code identity}; use ordered maps (LinkedHashMap, TreeMap) so that the JSON is stable. */
    public static String of(Map<String, Object> identity) {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(identity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 24);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a cache identity: " + e.getMessage(), e);
        }
    }
}
