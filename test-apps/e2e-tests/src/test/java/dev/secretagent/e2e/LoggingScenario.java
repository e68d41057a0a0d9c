package dev.secretagent.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One logging application run twice with the same secrets, without the agent (the control: every output
 * holds the secret, so the check can fail) and with it (no form of a secret anywhere, same line count in
 * every output).
 */
final class LoggingScenario {
    static final String SPECIAL = "\"<&>\\'/"; // characters JSON and XML layouts escape

    final String module;
    final String mainClass;
    final boolean outDirAsArgument;
    final String[] mustHoldInControl;

    LoggingScenario(String module, String mainClass, boolean outDirAsArgument, String... mustHoldInControl) {
        this.module = module;
        this.mainClass = mainClass;
        this.outDirAsArgument = outDirAsArgument;
        this.mustHoldInControl = mustHoldInControl;
    }

    /** A secret with characters every escaping layout changes; built at run time. */
    static String specialSecret(String prefix) {
        String r = ChildJvm.randomSecret(prefix);
        return r.substring(0, 12) + SPECIAL + r.substring(12);
    }

    ChildJvm jvm(Path out, String... extra) {
        String[] args = outDirAsArgument ? concat(new String[] {out.toString()}, extra) : extra;
        ChildJvm c = ChildJvm.app(module, mainClass, args);
        if (!outDirAsArgument) {
            c.jvmArg("-Dout=" + out);
        }
        return c;
    }

    /** Runs control and agent runs; {@code setup} adds the secrets (env or configuration) to both. */
    void runAndCheck(UnaryOperator<ChildJvm> setup, String... secrets) throws Exception {
        Path controlDir = LogOutputs.freshDir(module + "-control");
        ChildJvm.Result control = setup.apply(jvm(controlDir)).run();
        assertThat(control.exit).as(control.toString()).isZero();
        LogOutputs c = LogOutputs.of(control, controlDir);
        for (String s : secrets) {
            c.assertEveryOutputHolds(s, mustHoldInControl);
        }

        Path agentDir = LogOutputs.freshDir(module + "-agent");
        ChildJvm.Result run = setup.apply(jvm(agentDir)).withAgent().run();
        assertThat(run.exit).as(run.toString()).isZero();
        LogOutputs a = LogOutputs.of(run, agentDir);
        assertThat(a.lineCounts()).as("lines per output, agent vs control").isEqualTo(c.lineCounts());
        assertThat(String.join("", a.outputs.values())).contains("[REDACTED:");
        a.assertNoSecret(secrets);
    }

    /**
     * With an audit file: each redaction is audited on the channel of the logger that wrote the line
     * ({@code <framework>:<logger>}: the audit trail says which logger leaked), whatever thread wrote it (async appenders write on their own).
     */
    void checkAuditedChannels(UnaryOperator<ChildJvm> setup, String secretId, String... channels) throws Exception {
        Path dir = LogOutputs.freshDir(module + "-channels");
        Path audit = dir.resolve("audit.jsonl");
        ChildJvm.Result run = setup.apply(jvm(dir)).withAgent("audit.file=" + audit).run();
        assertThat(run.exit).as(run.toString()).isZero();
        List<String> audited = AccessAudit.withAction(AccessAudit.lines(audit), "redact").stream()
                .map(l -> l.get("secret.id") + "@" + l.get("log.channel")).collect(Collectors.toList());
        for (String channel : channels) {
            assertThat(audited).as("redactions audited per channel").contains(secretId + "@" + channel);
        }
    }

    /** The agent arrives while the application runs (logging already configured), then it logs. */
    void attachLateAndCheck(String envName, String secret) throws Exception {
        Path controlDir = LogOutputs.freshDir(module + "-control");
        ChildJvm.Result control = jvm(controlDir).env(envName, secret).run();
        LogOutputs c = LogOutputs.of(control, controlDir);

        Path dir = LogOutputs.freshDir(module + "-attach");
        ChildJvm.Running app = jvm(dir, "wait").env(envName, secret).start();
        await().atMost(60, TimeUnit.SECONDS).until(() -> app.stdout().contains("ready"));
        ChildJvm.Result attach = AttachIT.cli("attach", String.valueOf(app.process.pid()));
        assertThat(attach.exit).as(attach.toString()).isZero();
        app.send("go");
        assertThat(app.finish()).as(app.stderr()).isZero();
        LogOutputs a = LogOutputs.of(app.stdout(), app.stderr(), dir);
        Map<String, Long> expected = new java.util.TreeMap<>(c.lineCounts());
        expected.merge("stdout", 1L, Long::sum); // "ready"
        assertThat(a.lineCounts()).isEqualTo(expected);
        a.assertNoSecret(secret);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
