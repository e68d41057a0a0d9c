package dev.secretagent.agent.cli;

import dev.secretagent.agent.cli.store.StoreOptions;

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;

/**
 * {@code redact}'s usual command lines read without picocli. Why: {@code redact} is a one-shot filter, and building
 * picocli's model of every command (about 175 classes, annotations read by reflection, and the JIT work they
 * cause) cost about half a CPU-second before the first byte was scanned (docs/performance.md, eighth session). A model
 * of the {@code redact} command alone (no other command in the tree) still cost 0.36 CPU-seconds more than this
 * reader per run (ninth session: 11 alternating runs on a 1 KB file, medians 0.83 against 0.47 CPU-s): picocli's
 * own classes and reflection, not the other commands, are most of it. Only the plain forms are taken
 * here: {@code --values-file <file>} (or {@code =<file>}), {@code -o}/{@code --output <file>}, {@code --no-env},
 * {@code --quiet}, {@code --parallel} or {@code --streaming}, and one input file. Anything else (help, the store
 * options, an option given twice, a value that starts with '-' or '@', an unknown argument) goes to picocli as
 * before, so usage errors and help read exactly as for every other command.
 */
final class RedactArguments {
    private RedactArguments() {
    }

    /** The command set up from {@code args} ({@code args[0]} being "redact"), or null: let picocli read them. */
    static RedactCommand parse(String[] args) {
        if (args.length == 0 || !"redact".equals(args[0])) {
            return null;
        }
        RedactCommand c = new RedactCommand();
        c.store = new StoreOptions();
        String values = null;
        String output = null;
        String input = null;
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                String next = i + 1 < args.length ? args[i + 1] : null;
                if (a.equals("--values-file") || a.equals("-o") || a.equals("--output")) {
                    if (!plain(next)) {
                        return null;
                    }
                    i++;
                    if (a.equals("--values-file")) {
                        values = once(values, next);
                    } else {
                        output = once(output, next);
                    }
                } else if (a.startsWith("--values-file=") && plain(a.substring("--values-file=".length()))) {
                    values = once(values, a.substring("--values-file=".length()));
                } else if (a.startsWith("--output=") && plain(a.substring("--output=".length()))) {
                    output = once(output, a.substring("--output=".length()));
                } else if (a.equals("--no-env") && !c.noEnv) {
                    c.noEnv = true;
                } else if (a.equals("--quiet") && !c.quiet) {
                    c.quiet = true;
                } else if (a.equals("--parallel") && !c.parallel && !c.streaming) {
                    c.parallel = true;
                } else if (a.equals("--streaming") && !c.parallel && !c.streaming) {
                    c.streaming = true;
                } else if (plain(a) && input == null) {
                    input = a;
                } else {
                    return null;
                }
            }
            c.valuesFile = values == null ? null : Paths.get(values);
            c.output = output == null ? null : Paths.get(output);
            c.input = input == null ? null : Paths.get(input);
        } catch (Twice | InvalidPathException e) {
            return null;
        }
        return c;
    }

    /** An argument picocli would take as a value as it is: not an option's name, not an {@code @file}. */
    private static boolean plain(String s) {
        return s != null && !s.startsWith("-") && !s.startsWith("@");
    }

    private static String once(String before, String value) throws Twice {
        if (before != null) {
            throw new Twice();
        }
        return value;
    }

    /** An option given twice: picocli's own message says so. */
    private static final class Twice extends Exception {
        Twice() {
            super(null, null, false, false);
        }
    }
}
