package org.dclust.api.spi;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.dclust.api.model.ClusterHead;

/**
 * Loads one kind of {@link ClusterHead} from a saved model, found with {@link java.util.ServiceLoader}
 * by the {@code kind} that the head's {@link ClusterHead#describe()} wrote into the model manifest. A
 * refiner that brings its own head registers its provider under the same name, and its models save
 * and load like the built-in ones ({@code centroid}, {@code mlp}). Heads take no user parameters:
 * what they need is in their description.
 */
public interface HeadProvider extends PluginInfo {
    /**
     * Rebuilds a head.
     *
     * @param description what {@link ClusterHead#describe()} returned when the model was saved
     * @param dir the model directory, holding the files {@link ClusterHead#save} wrote
     * @param parent the manager the head's arrays go under (a sub-manager of it)
     * @throws IOException when its files are missing or malformed
     */
    ClusterHead load(Map<String, Object> description, Path dir, NDManager parent) throws IOException;
}
