package dev.secretagent.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage errors that never repeat what the user typed. picocli's own messages quote the argument they refused
 * ({@code Unmatched argument at index 5: 'hunter2hunter2'}), and the argument a user wrongly puts on the command line
 * is often the very secret value the CLI refuses to take from there. So the message names a position and, for an
 * option, the option's name as this command declares it: never the argument's text.
 */
final class SafeParameterErrors implements CommandLine.IParameterExceptionHandler {
    static final String WHY = "Secret values are never taken from the command line (shell history and ps would keep "
            + "them): they come from stdin or a file.";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + message(ex, args));
        err.println(WHY + " Run '" + name + " --help' for usage.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException ex, String[] args) {
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            List<String> unmatched = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched();
            List<Integer> positions = positionsOf(unmatched, args);
            boolean option = !unmatched.isEmpty() && unmatched.get(0).startsWith("-");
            String what = option ? "an option this command does not know" : "an argument this command does not take";
            if (positions.isEmpty()) {
                return what + " (its text is not repeated: it could be a secret)";
            }
            return (positions.size() == 1 ? "argument " + positions.get(0) + " is " + what
                    : "arguments " + join(positions) + " are not taken by this command")
                    + " (counting from the command name as 1; the text is not repeated: it could be a secret)";
        }
        if (ex instanceof CommandLine.MissingParameterException) {
            List<String> names = new ArrayList<>();
            for (ArgSpec a : ((CommandLine.MissingParameterException) ex).getMissing()) {
                names.add(nameOf(a));
            }
            return "missing " + String.join(", ", names);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException) {
            return nameOf(((CommandLine.OverwrittenOptionException) ex).getOverwritten()) + " given more than once";
        }
        ArgSpec spec = ex.getArgSpec();
        if (spec != null) {
            List<Integer> at = ex.getValue() == null ? List.of() : positionsOf(List.of(ex.getValue()), args);
            return "the value for " + nameOf(spec) + (at.isEmpty() ? "" : " (argument " + at.get(0) + ")")
                    + " is not valid here; see --help for what it takes (the value is not repeated)";
        }
        return "these arguments do not fit this command (they are not repeated: one could be a secret)";
    }

    private static String nameOf(ArgSpec a) {
        if (a instanceof OptionSpec) {
            return ((OptionSpec) a).longestName();
        }
        if (a instanceof PositionalParamSpec) {
            return ((PositionalParamSpec) a).paramLabel();
        }
        return "an argument";
    }

    /** 1-based positions of the refused arguments in the command line (args[0], the command, is 1). */
    static List<Integer> positionsOf(List<String> refused, String[] args) {
        List<Integer> out = new ArrayList<>();
        boolean[] used = new boolean[args.length];
        for (String r : refused) {
            for (int i = 0; i < args.length; i++) {
                if (!used[i] && (args[i].equals(r) || args[i].endsWith("=" + r))) {
                    used[i] = true;
                    out.add(i + 1);
                    break;
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String join(List<Integer> positions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < positions.size(); i++) {
            sb.append(i == 0 ? "" : i == positions.size() - 1 ? " and " : ", ").append(positions.get(i));
        }
        return sb.toString();
    }
}
