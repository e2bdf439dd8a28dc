package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Random;
import org.dclust.api.model.EncoderNetwork;

/**
 * MoCo's "shuffling BN" on one device (He et al. 2020, section 3.3). With batch normalisation, a
 * query and its positive key computed in the same batch can "cheat" the pretext task through the
 * batch statistics; the authors train on 8 GPUs, each normalising its own 32 samples, and shuffle the
 * key batch across GPUs so that a query and its key are normalised with different samples. Here the
 * GPUs are imitated as the authors' own single-GPU CIFAR demo does (branch {@code colab-notebook},
 * {@code SplitBatchNorm} with a shuffled key batch): the batch is encoded in {@code groups}
 * consecutive slices, each a batch of its own for every BatchNorm layer (and its running statistics,
 * updated slice after slice), and the key batch is permuted before it is sliced and put back in order
 * after. Separate forward passes rather than a special normalisation layer, so it works with any
 * backbone; ghost batch norm inside the backbone would need the backbone to know.
 */
final class ShuffleBn {
    private ShuffleBn() {
    }

    /** Codes (b, d) of a batch encoded in {@code groups} slices of b / groups samples, in training mode. */
    static NDArray encode(EncoderNetwork net, NDArray x, int groups) {
        if (groups == 1) {
            return net.encode(x, true);
        }
        NDList out = new NDList();
        for (NDArray slice : x.split(groups, 0)) {
            out.add(net.encode(slice, true));
        }
        return NDArrays.concat(out, 0);
    }

    /**
     * Codes of a batch encoded in slices after a random permutation, returned in the batch's order:
     * sample i is encoded with the slice that position π⁻¹(i) falls into.
     */
    static NDArray encodeShuffled(EncoderNetwork net, NDArray x, int groups, Random random) {
        int b = (int) x.getShape().get(0);
        long[] perm = new long[b];
        for (int i = 0; i < b; i++) {
            perm[i] = i;
        }
        for (int i = b - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        long[] inverse = new long[b];
        for (int i = 0; i < b; i++) {
            inverse[(int) perm[i]] = i;
        }
        NDArray shuffled = x.get(x.getManager().create(perm));
        NDArray codes = encode(net, shuffled, groups);
        return codes.get(x.getManager().create(inverse));
    }
}
