package org.dclust.bench;

import org.dclust.framework.cli.CommandExtension;

/** Adds {@code dclust bench} to the command line when this module is on the class path. */
public final class BenchExtension implements CommandExtension {
    @Override
    public Class<?> commandClass() {
        return BenchCommand.class;
    }
}
