package org.afannotator.cli;

import java.io.PrintWriter;
import org.afannotator.domain.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code af-annotator} command line. Every statistic the app shows is printable from here. */
@Command(name = "af-annotator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Human annotation of alignment-faking transcripts, and agreement statistics.",
                "Without a subcommand the desktop app opens."},
        subcommands = {
            InfoCommand.class,
            ImportCommand.class,
            AssignCommand.class,
            AgreementCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            ReportCommand.class,
            BundleCommand.class,
            MergeCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:bad input (missing file, not a project, rejected record, an output path that cannot be written); reason on stderr",
            "2:bad command line (unknown subcommand or option)",
            "3:failure that is not the input's fault (disk full while writing, project busy, internal error)",
            "4:done, but some work was left out and needs a person (merge: conflicts or rejected units, listed in the output)"})
public final class MainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /** Width of every --help, in characters. */
    static final int HELP_WIDTH = 110;

    /** The configured command line, with one-line errors on stderr and the exit codes above. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MainCommand());
        // Descriptions and footers are written as lines of at most this width; at picocli's default
        // (80) each would be broken again.
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setExecutionExceptionHandler(MainCommand::handle);
        cl.setParameterExceptionHandler(MainCommand::handleUsage);
        return cl;
    }

    public static int run(String... args) {
        // Another program writing the same project: say so while waiting instead of failing (above a progress line).
        org.afannotator.store.ProjectStore.setDefaultBusyListener(m -> ProgressLine.println("af-annotator: " + m, System.err));
        return commandLine().execute(args);
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("af-annotator: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handle(Exception failure, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(failure, cl.getErr());
    }

    /** Prints a command's failure as one line on {@code err} and gives its exit code. */
    static int report(Exception failure, PrintWriter err) {
        // A read that failed because another program wrote the file meanwhile: say that, not the symptom.
        Throwable e = org.afannotator.store.ProjectChangedException.cause(failure);
        int code;
        if (e instanceof BadInputException) {
            err.println("af-annotator: " + e.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else {
            err.println("af-annotator: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("afannotator.debug")) {
                e.printStackTrace(err); // a reported change carries the failure it caused as its cause
            }
            code = ExitCodes.FAILURE;
        }
        err.flush();
        return code;
    }
}
