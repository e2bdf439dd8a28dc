package org.dclust.framework.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.ServiceLoader;
import org.dclust.api.DclustException;
import org.dclust.framework.DclustModule;
import org.dclust.framework.run.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code dclust} command line. User errors (unknown plugins, bad parameters, missing or malformed
 * files) print one message and exit with code 2; {@code --debug} adds the stack trace.
 */
@Command(name = "dclust", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Deep clustering: latent-space learners x refiners, on real data.",
        subcommands = {PluginsCommand.class, RunCommand.class, PredictCommand.class, EmbedCommand.class, EvaluateCommand.class, StudyCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of user errors. */
    public static final int USER_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "show stack traces of errors")
    boolean debug;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        Injector injector = Guice.createInjector(new DclustModule());
        GuiceFactory factory = new GuiceFactory(injector);
        CommandLine cl = new CommandLine(Main.class, factory);
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class)) {
            cl.addSubcommand(new CommandLine(extension.commandClass(), factory));
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug")
                    || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (ex instanceof DclustException) {
                cmd.getErr().println("error: " + ex.getMessage());
                if (debug) {
                    ex.printStackTrace(cmd.getErr());
                }
                return USER_ERROR;
            }
            cmd.getErr().println("internal error: " + ex + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }

    /** Creates commands through Guice so they get the registry and runners injected. */
    static final class GuiceFactory implements CommandLine.IFactory {
        private final Injector injector;

        GuiceFactory(Injector injector) {
            this.injector = injector;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return injector.getInstance(cls);
            } catch (ConfigurationException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    /** Prints dclust's and DJL's versions (also for commands of {@link CommandExtension}s). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dclust " + Versions.dclust(), "DJL " + ai.djl.engine.Engine.getDjlVersion()};
        }
    }
}
