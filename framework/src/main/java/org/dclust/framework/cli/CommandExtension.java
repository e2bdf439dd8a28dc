package org.dclust.framework.cli;

/**
 * A subcommand that lives outside the framework module (the {@code bench} module's {@code dclust bench},
 * say), found with {@link java.util.ServiceLoader} and added to the {@code dclust} command line when its
 * jar is on the class path. The command class is a picocli {@code @Command}; it is created through the
 * same Guice injector as the built-in commands, so it can inject the registry and the runners.
 * List implementations in {@code META-INF/services/org.dclust.framework.cli.CommandExtension}.
 */
public interface CommandExtension {
    /** The picocli {@code @Command} class to add as a subcommand. */
    Class<?> commandClass();
}
