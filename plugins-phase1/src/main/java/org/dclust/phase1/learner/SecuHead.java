package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.dclust.api.toolkit.TrainableCentres;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.InPlace;
import org.dclust.phase1.backbone.ContrastiveEncoder;

/**
 * One of SeCu's clustering heads (Qian, ICCV 2023; idstcv/SeCu {@code secu/builder.py}): K centres
 * trained by gradient (normalised in every forward pass), a copy of them frozen at each epoch's start
 * for the representation loss, the memory of each sample's last assignment, and the size constraint
 * that assigns a batch.
 */
final class SecuHead implements AutoCloseable {
    private final int k;
    private final NDManager manager;
    private final TrainableCentres centres;
    private final NDArray frozen;
    private final long[] memory;
    private final AssignmentConstraint constraint;

    /**
     * K centres of {@code dim} values drawn N(0, 1) from {@code random} and normalised (as the
     * authors' {@code F.normalize(torch.randn(dim, K), dim=0)}), and a memory of {@code n} samples.
     */
    SecuHead(NDManager parent, int k, int dim, int n, Random random, AssignmentConstraint constraint) {
        this.k = k;
        this.manager = parent.newSubManager();
        float[][] init = new float[k][dim];
        for (float[] row : init) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                row[j] = (float) random.nextGaussian();
                norm += row[j] * row[j];
            }
            for (int j = 0; j < dim; j++) {
                row[j] = (float) (row[j] / Math.sqrt(norm));
            }
        }
        this.centres = new TrainableCentres(manager, init);
        this.frozen = manager.zeros(centres.array().getShape());
        this.memory = new long[n];
        this.constraint = constraint;
    }

    int clusters() {
        return k;
    }

    TrainableCentres centres() {
        return centres;
    }

    /** The unit centres frozen at the start of this epoch (long-lived: take {@code Matrices.inScope} in a batch). */
    NDArray frozen() {
        return frozen;
    }

    /** Each sample's last assignment (written in every batch; all samples have one after the first epoch). */
    long[] memory() {
        return memory;
    }

    AssignmentConstraint constraint() {
        return constraint;
    }

    /** Freezes the centres as they are now (normalised) and starts the constraint's epoch. */
    void startEpoch(int epoch) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray unit = ContrastiveEncoder.unitRows(centres.inScope(scope).stopGradient());
            InPlace.copy(unit, frozen);
        }
        constraint.startEpoch(epoch, memory);
    }

    /** The unit centres (K × d) now. */
    float[][] unitCentres() {
        try (NDManager scope = manager.newSubManager()) {
            return org.dclust.api.toolkit.Matrices.toMatrix(ContrastiveEncoder.unitRows(centres.inScope(scope).stopGradient()));
        }
    }

    /** Adds what a checkpoint must hold under {@code prefix}: the centres, the memory and, for the size constraint, its duals. */
    TrainingState register(TrainingState state, String prefix) {
        state.array(prefix + ".centres", centres.array()).longs(prefix + ".labels", memory, manager);
        if (constraint instanceof SizeConstraint size) {
            state.floats(prefix + ".duals", size.duals(), manager);
        }
        return state;
    }

    @Override
    public void close() {
        centres.close();
        manager.close();
    }
}
