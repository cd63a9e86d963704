package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectChangedException;
import org.afannotator.store.StoreException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the command line prints for a failure, whatever the command. */
class FailureReportTest {
    @Command(name = "boom")
    static final class Boom implements Runnable {
        final RuntimeException failure;

        Boom(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void run() {
            throw failure;
        }
    }

    static CliRun runFailing(RuntimeException failure) {
        CommandLine cl = MainCommand.commandLine();
        cl.addSubcommand(new Boom(failure));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("boom");
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void aReadThatFailedBecauseTheProjectChangedReportsTheChange() {
        StoreException symptom = new StoreException("cannot read transcript t1 from p.afproj: database disk image is malformed");
        symptom.addSuppressed(new ProjectChangedException("p.afproj changed while it was read (another program opened it"
                + " to write): what was read from it may be wrong; read it again"));
        CliRun run = runFailing(symptom);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("af-annotator: p.afproj changed while it was read (another program opened it"
                + " to write): what was read from it may be wrong; read it again" + System.lineSeparator());
    }

    @Test
    void badInputMetWhileReadingIsReportedAsItIsEvenIfTheProjectChanged() {
        BadInputException bad = new BadInputException("out/report.html", "cannot write: permission denied");
        bad.addSuppressed(new ProjectChangedException("p.afproj changed while it was read"));
        CliRun run = runFailing(bad);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("af-annotator: out/report.html").doesNotContain("changed while");
    }

    @Test
    void anyOtherFailureIsReportedAsItIs() {
        StoreException failure = new StoreException("disk full while writing p.afproj");
        failure.addSuppressed(new StoreException("cannot close p.afproj"));
        CliRun run = runFailing(failure);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("af-annotator: disk full while writing p.afproj" + System.lineSeparator());
    }
}
