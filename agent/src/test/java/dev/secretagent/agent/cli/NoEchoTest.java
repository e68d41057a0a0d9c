package dev.secretagent.agent.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: for EVERY command and subcommand, a usage error never repeats the argument it refused: an extra
 * argument, an unknown option with a value, a value an option cannot take. It says where instead, and why values
 * come from stdin or a file.
 */
class NoEchoTest {
    static final String SECRET = "hunter2" + Long.toHexString(new SecureRandom().nextLong());

    @Test
    void theIssuesExampleNamesThePositionNotTheValue() {
        Run r = run("store", "put", "--store", "s.store", "name", SECRET);
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("secret-agent store put: argument 6 is an argument this command does not take")
                .contains("they come from stdin or a file").doesNotContain(SECRET);
        assertThat(r.out).doesNotContain(SECRET);
    }

    @Test
    void noCommandRepeatsARefusedArgument() {
        List<List<String>> cases = new ArrayList<>();
        for (CommandLine c : allCommands(new CommandLine(new Main()))) {
            CommandSpec spec = c.getCommandSpec();
            List<String> path = pathOf(spec);
            // an unknown option, with and without a value of its own
            cases.add(concat(path, List.of("--" + SECRET)));
            cases.add(concat(path, List.of("--password=" + SECRET)));
            // arguments past what the command takes (commands with open-ended lists take any number: skipped)
            List<String> filled = new ArrayList<>(path);
            boolean bounded = true;
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (p.arity().max() == Integer.MAX_VALUE || p.index().max() == Integer.MAX_VALUE) {
                    bounded = false;
                }
                // every place the command has is filled, so the next argument is one too many
                for (int i = 0; bounded && i < Math.max(1, p.arity().max()); i++) {
                    filled.add("p" + i);
                }
            }
            if (bounded && !spec.subcommands().isEmpty()) {
                cases.add(concat(path, List.of(SECRET)));
            } else if (bounded) {
                cases.add(concat(filled, List.of(SECRET, SECRET + "x")));
                cases.add(concat(filled, List.of(SECRET)));
            }
            // a value an option cannot take
            for (OptionSpec o : spec.options()) {
                Class<?> t = o.type();
                if (t == int.class || t == Integer.class || t == long.class) {
                    cases.add(concat(filled, List.of(o.longestName(), SECRET)));
                    cases.add(concat(filled, List.of(o.longestName() + "=" + SECRET)));
                }
            }
        }
        assertThat(cases.size()).isGreaterThan(30);
        for (List<String> args : cases) {
            Run r = run(args.toArray(new String[0]));
            assertThat(r.exit).as(String.join(" ", args).replace(SECRET, "<S>") + ": " + r.err.replace(SECRET, "<S>")).isEqualTo(2);
            assertThat(r.err).as(String.join(" ", args).replace(SECRET, "<S>")).doesNotContain(SECRET)
                    .contains(SafeParameterErrors.WHY);
            assertThat(r.out).doesNotContain(SECRET);
        }
    }

    @Test
    void positionsCountFromTheCommandName() {
        assertThat(SafeParameterErrors.positionsOf(List.of("x"), new String[] {"store", "put", "x"})).containsExactly(3);
        assertThat(SafeParameterErrors.positionsOf(List.of("x"), new String[] {"scan", "--min-length=x"})).containsExactly(2);
    }

    static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        out.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                out.addAll(allCommands(sub));
            }
        }
        return out;
    }

    static List<String> pathOf(CommandSpec spec) {
        List<String> path = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            path.add(0, s.name());
        }
        return path;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static final class Run {
        int exit;
        String out;
        String err;
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Run r = new Run();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.exit = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        r.out = out.toString(StandardCharsets.UTF_8);
        r.err = err.toString(StandardCharsets.UTF_8);
        return r;
    }
}
