package org.dclust.framework.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.dclust.api.DclustException;

/** Resolves {@code --device auto|cpu|gpu} to a DJL device: auto takes a GPU when the engine sees one. */
public final class DeviceChoice {
    private DeviceChoice() {
    }

    /** The device for a choice; {@code gpu} without a visible GPU is a user error. */
    public static Device resolve(String choice) {
        int gpus = Engine.getInstance().getGpuCount();
        switch (choice.toLowerCase(Locale.ROOT)) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new DclustException("--device gpu: the PyTorch engine sees no GPU (it runs the "
                            + Engine.getInstance().getVersion() + " CPU build). Use --device cpu, or install a CUDA "
                            + "libtorch as the README's GPU section says");
                }
                return Device.gpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }
}
