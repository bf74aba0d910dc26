package org.newsgraph.cli;

import org.newsgraph.Newsgraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The newsgraph command: build the knowledge graph from articles, query it, serve it. */
@Command(name = "newsgraph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns news articles into a knowledge graph of events and serves it with Apache Jena Fuseki.",
        subcommands = {BuildCommand.class, QueryCommand.class, ServeCommand.class, EvaluateCommand.class, ExportCommand.class, QueriesCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: build, query or serve");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; never exits the JVM. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable t = e;
            if (t instanceof UserException || t instanceof org.newsgraph.store.DatabaseInUseException) {
                commandLine.getErr().println("newsgraph: " + t.getMessage());
                return ExitCodes.USER_ERROR;
            }
            LOG.error("Internal error", t);
            commandLine.getErr().println("newsgraph: internal error: " + t + " (see the log above)");
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("newsgraph: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    /** The version shown by --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"newsgraph " + Newsgraph.version()};
        }
    }
}
