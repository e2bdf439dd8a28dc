package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assigns latent codes by a {@link SoftAssignment} to fixed centres (k-means, DEC's Student-t, DCSS's memberships). */
public final class CentroidHead implements ClusterHead {
    private final float[][] centres;
    private final SoftAssignment assignment;
    private final NDManager manager;
    private final NDArray centreArray;

    public CentroidHead(NDManager parent, float[][] centres, SoftAssignment assignment) {
        this.centres = centres;
        this.assignment = assignment;
        this.manager = parent.newSubManager();
        this.centreArray = manager.create(centres);
    }

    /** Rebuilds a head from its manifest entry ({@link #describe()}; model formats 1 and 2). */
    static CentroidHead fromDescription(NDManager parent, Map<String, Object> d) {
        float[][] c = new ObjectMapper().convertValue(d.get("centres"), float[][].class);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) d.get("assignment");
        return new CentroidHead(parent, c, SoftAssignment.fromDescription(a));
    }

    public float[][] centres() {
        return centres;
    }

    public SoftAssignment assignment() {
        return assignment;
    }

    @Override
    public NDArray probabilities(NDArray latent, boolean training) {
        NDArray c = centreArray.duplicate();
        c.attach(latent.getManager());
        return assignment.probabilities(latent, c);
    }

    @Override
    public int clusters() {
        return centres.length;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", CentroidHeadProvider.NAME);
        d.put("assignment", assignment.describe());
        d.put("centres", centres);
        return d;
    }

    @Override
    public void save(Path dir) {
        // the centres are small and live in the manifest
    }

    @Override
    public void close() {
        manager.close();
    }
}
