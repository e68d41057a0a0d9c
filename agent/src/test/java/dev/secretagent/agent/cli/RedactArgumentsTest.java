package dev.secretagent.agent.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redact}'s own reading of its usual command lines gives what picocli gives; anything else goes to picocli. */
class RedactArgumentsTest {
    @Test
    void theUsualFormsReadAsPicocliReadsThem() {
        for (List<String> args : List.of(
                List.of("redact"),
                List.of("redact", "--no-env", "--values-file", "v.txt"),
                List.of("redact", "--values-file=v.txt", "--quiet", "in.log", "-o", "out.log"),
                List.of("redact", "in.log", "--output", "out.log", "--parallel"),
                List.of("redact", "--output=o", "--streaming", "--no-env", "in.log"))) {
            String[] a = args.toArray(new String[0]);
            RedactCommand quick = RedactArguments.parse(a);
            assertThat(quick).as("%s", args).isNotNull();
            assertThat(describe(quick)).as("%s", args).isEqualTo(describe(picocli(a)));
            assertThat(quick.store.storeGiven()).isFalse();
        }
    }

    @Test
    void everythingElseGoesToPicocli() {
        for (List<String> args : List.of(
                List.of("status"),
                List.of("redact", "--help"),
                List.of("redact", "-h"),
                List.of("redact", "--store", "s.store"),
                List.of("redact", "--values-file", "a", "--values-file", "b"),
                List.of("redact", "a.log", "b.log"),
                List.of("redact", "--values-file"),
                List.of("redact", "--values-file", "--quiet"),
                List.of("redact", "-o", "-"),
                List.of("redact", "@args.txt"),
                List.of("redact", "--quiet", "--quiet"),
                List.of("redact", "--parallel", "--streaming"),
                List.of("redact", "--no-env=true"),
                List.of("redact", "-ofile"),
                List.of("redact", "hunter2hunter2", "--unknown"))) {
            assertThat(RedactArguments.parse(args.toArray(new String[0]))).as("%s", args).isNull();
        }
    }

    @Test
    void givingBothPathsIsAUsageError() {
        NoEchoTest.Run r = NoEchoTest.run("redact", "--parallel", "--streaming", "--no-env");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--parallel or --streaming, not both");
    }

    private static RedactCommand picocli(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult p = cli.parseArgs(args);
        return (RedactCommand) p.subcommand().commandSpec().userObject();
    }

    private static String describe(RedactCommand c) {
        return "values=" + c.valuesFile + " input=" + c.input + " output=" + c.output + " noEnv=" + c.noEnv + " quiet="
                + c.quiet + " parallel=" + c.parallel + " streaming=" + c.streaming + " store=" + c.store.storeGiven();
    }
}
