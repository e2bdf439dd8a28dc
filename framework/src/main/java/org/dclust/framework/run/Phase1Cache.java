package org.dclust.framework.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.LatentModel;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.toolkit.CacheKey;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.KeptEpoch;
import org.dclust.api.train.TrainingContext;
import org.dclust.api.train.TrainingDivergedException;
import org.dclust.framework.config.ResolvedRun;

/**
 * Caches phase-1 results on disk under {@code cacheDir/phase1/KEY}, where KEY ({@link CacheKey}, as the
 * shared pretraining's) hashes everything that determines them: dclust's version, the code that trains
 * (the api's, the backbone's and the learner's packages) and libtorch's thread count
 * ({@link CacheKey#codeIdentity}), data fingerprint, preprocessing, backbone, learner and their
 * parameters, K, seed, device type and, when the run selects epochs, the selection. A study (or a second {@code dclust run} with another refiner) trains each learner once.
 * The cached entry keeps the epoch reports, so results still show phase 1's seconds per epoch. A
 * phase-1 result with a NaN or infinite centre or parameter is never cached (it is a
 * {@link TrainingDivergedException}), and such an entry found in the cache is ignored.
 */
public final class Phase1Cache {
    private static final String EPOCHS = "epochs.json";
    /** What the entry's key hashes, for a person who wonders what an entry is. */
    private static final String IDENTITY = "identity.json";
    /** The epoch the learner's phase kept under an epoch selection (absent without one). */
    private static final String KEPT = "kept.json";
    /** The warnings phase 1 gave (absent without any), said again when the entry is loaded. */
    private static final String WARNINGS = "warnings.json";

    /** Fits the learner, or loads its cached result. */
    public LatentModel fitOrLoad(ResolvedRun run, Dataset prepared, TrainingContext ctx, PhaseRecorder recorder, Path cacheDir,
            NDManager manager) {
        Map<String, Object> identity = identity(run, prepared, ctx);
        Path entry = cacheDir == null ? null : cacheDir.resolve("phase1").resolve(CacheKey.of(identity));
        ObjectMapper om = new ObjectMapper();
        if (entry != null && Files.isRegularFile(entry.resolve(EPOCHS))) {
            try {
                List<EpochReport> reports = om.readValue(entry.resolve(EPOCHS).toFile(), new TypeReference<List<EpochReport>>() { });
                LatentModel m = LatentModel.load(entry, manager);
                if (!FiniteModels.latent(m)) {
                    m.close();
                    throw new IllegalStateException("it holds NaN or infinite values");
                }
                reports.forEach(recorder::record);
                if (Files.isRegularFile(entry.resolve(KEPT))) {
                    om.readValue(entry.resolve(KEPT).toFile(), new TypeReference<List<KeptEpoch>>() { }).forEach(recorder::record);
                }
                recorder.info("phase 1 (" + run.learner().provider().name() + ") loaded from the cache " + entry);
                if (Files.isRegularFile(entry.resolve(WARNINGS))) {
                    om.readValue(entry.resolve(WARNINGS).toFile(), new TypeReference<List<String>>() { }).forEach(recorder::info);
                }
                return m;
            } catch (IOException | RuntimeException e) {
                recorder.info("ignoring an unreadable phase-1 cache entry " + entry + ": " + e.getMessage());
            }
        }
        LatentModel m = run.learner().provider().create(run.learner().params()).fit(prepared, ctx);
        if (!FiniteModels.latent(m)) {
            m.close();
            throw new TrainingDivergedException(run.learner().provider().name(), 0, 0,
                    "its latent model holds NaN or infinite values (centres or network parameters)");
        }
        if (entry != null) {
            try {
                Path target = entry;
                m.save(target);
                List<EpochReport> reports = recorder.epochs().values().stream().flatMap(List::stream).toList();
                Atomic.writeString(target.resolve(IDENTITY), om.writerWithDefaultPrettyPrinter().writeValueAsString(identity));
                if (!recorder.kept().isEmpty()) {
                    Atomic.writeString(target.resolve(KEPT), om.writeValueAsString(List.copyOf(recorder.kept().values())));
                }
                if (!recorder.warnings().isEmpty()) {
                    Atomic.writeString(target.resolve(WARNINGS), om.writeValueAsString(recorder.warnings()));
                }
                Atomic.writeString(target.resolve(EPOCHS), om.writeValueAsString(reports));
            } catch (IOException e) {
                recorder.info("could not cache phase 1 in " + entry + ": " + e.getMessage());
            }
        }
        return m;
    }

    /** What the key hashes: {@link CacheKey#codeIdentity} (version, the api's, backbone's and learner's code, threads), then the work. */
    static Map<String, Object> identity(ResolvedRun run, Dataset prepared, TrainingContext ctx) {
        Map<String, Object> id = new LinkedHashMap<>(CacheKey.codeIdentity(ctx.backbone().getClass(), run.learner().provider().getClass()));
        id.put("data", prepared.fingerprint());
        id.put("preprocessing", run.config().preprocessing);
        id.put("backbone", run.backbone().describe());
        id.put("learner", run.learner().describe());
        id.put("clusters", ctx.clusters());
        id.put("seed", ctx.seed());
        id.put("device", ctx.device().getDeviceType());
        if (!ctx.epochSelection().isFinal()) {
            id.put("selectEpoch", ctx.epochSelection().name());
        }
        return id;
    }
}
