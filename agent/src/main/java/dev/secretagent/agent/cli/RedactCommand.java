package dev.secretagent.agent.cli;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.cli.store.StoreOptions;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.file.StoreContent;
import dev.secretagent.runtime.access.SecretDiscovery;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar secret-agent.jar redact < in > out}: the agent's redaction engine as a pipe filter,
 * for logs written before the agent was there. Secrets come from the environment (the zero-config rule)
 * and, when told, from a file of values or from the file store (every version that still has a value: an old
 * log holds the values that were current when it was written); never from the command line (shell history, ps).
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = {"Copy stdin to stdout with every known secret and detected credential masked.",
                "",
                "Every encoding of a known secret (raw, base64, URL, JSON, ...) is masked, and so is a value behind a "
                        + "sensitive header or key name. Known secrets: environment variables whose names look secret "
                        + "(the zero-config rule), the values in --values-file, and every version of every secret in "
                        + "the file store given with --store (each read audited). A summary goes to stderr: ids and "
                        + "counts, never values."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:I/O error, or the store refused (the message says why)", "2:bad usage"})
public final class RedactCommand implements Callable<Integer> {
    @Option(names = "--values-file", paramLabel = "<file>",
            description = "file with one secret value per line: ID=value or value (ids: ID or values-file:<line>); '=' first escapes a value holding '='")
    Path valuesFile;

    @Option(names = "--no-env", description = "do not take secrets from the environment")
    boolean noEnv;

    @Option(names = "--quiet", description = "no summary on stderr")
    boolean quiet;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "<file>",
            description = "log file to read instead of stdin")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "file to write instead of stdout")
    Path output;

    @Option(names = "--parallel", description = "read a file (<file>, or stdin redirected from one) in blocks on every"
            + " core: the default since it costs no more CPU than streaming; kept so that older scripts still run")
    boolean parallel;

    @Option(names = "--streaming", description = "read a file through the one-core streaming redactor, as a pipe is"
            + " read")
    boolean streaming;

    /** The store options of {@code store ...}; the store is read only when --store is given. */
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        if (parallel && streaming) {
            System.err.println("secret-agent redact: give --parallel or --streaming, not both");
            return 2;
        }
        try {
            Redaction.buildCharMatcherOnFirstUse(); // this command scans bytes only
            installSettings();
            int known = noEnv ? 0 : SecretDiscovery.discover(System.getenv(), new java.util.Properties());
            if (valuesFile != null) {
                known += loadValues(valuesFile);
            }
            if (store.storeGiven()) {
                known += loadStore(store.open(store.startAudit()));
            }
            final java.util.Map<String, Integer> counts = new java.util.TreeMap<String, Integer>();
            Redaction.setListener((id, channel) -> counts.merge(id, 1, Integer::sum));
            long bytes;
            try (FileInputStream in = open(input); FileOutputStream out = create(output)) {
                if (!streaming && (input != null || stdinIsAFile())) {
                    // a whole file on every core, in order: no more CPU per byte than the streaming path once its
                    // reads stopped mapping fresh memory (docs/performance.md, eighth session), so the default.
                    // A pipe or a terminal always streams (`tail -f app.log | redact`): a block would wait for
                    // bytes that may never come
                    bytes = ParallelPipe.defaults().pipe(in.getChannel(), out.getChannel(), counts);
                } else {
                    bytes = pipe(in, out);
                }
            }
            if (!quiet) {
                System.err.println("secret-agent redact: " + bytes + " bytes, " + known + " known secret values, "
                        + "redactions " + counts);
            }
            return 0;
        } catch (IOException | StoreException e) {
            System.err.println("secret-agent redact: " + e.getMessage());
            return 1;
        } catch (ConfigException e) {
            System.err.println("secret-agent redact: " + e.getMessage());
            return 2;
        } finally {
            StoreOptions.flushAudit();
        }
    }

    /** Every version of every secret that still has a value, revoked ones too; ids are the secrets' paths. */
    static int loadStore(FileStore s) throws StoreException {
        List<Secret> list = new ArrayList<Secret>();
        for (java.util.Map.Entry<String, StoreContent.Entry> e : s.content().entries().entrySet()) {
            for (StoreContent.Version v : e.getValue().versions) {
                if (!v.destroyed) {
                    String version = String.valueOf(v.number);
                    list.add(new Secret(e.getKey(), version, v.value(), "store"));
                    StoreOptions.audit("read", e.getKey(), version, "file", "secret-agent redact");
                }
            }
        }
        SecretRegistry.putAll(list);
        return list.size();
    }

    /** The values file, in the format {@code scan --values-file} reads too ({@link ValuesFile}). */
    static int loadValues(Path file) throws IOException {
        List<Secret> list = new ArrayList<Secret>();
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        for (ValuesFile.Entry e : ValuesFile.parse(bytes)) {
            list.add(new Secret(e.id, "1", e.value, "file"));
        }
        java.util.Arrays.fill(bytes, (byte) 0);
        SecretRegistry.putAll(list);
        return list.size();
    }

    /**
     * The input file, or stdin. The error names the parameter, not the path typed: a value pasted where the
     * file name belongs must not come back on the terminal (the same rule as every other argument).
     */
    private static FileInputStream open(Path file) throws IOException {
        if (file == null) {
            return new FileInputStream(FileDescriptor.in);
        }
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            throw new IOException("the <file> argument is not a readable file");
        }
        return new FileInputStream(file.toFile());
    }

    private static FileOutputStream create(Path file) throws IOException {
        if (file == null) {
            return new FileOutputStream(FileDescriptor.out);
        }
        try {
            return new FileOutputStream(file.toFile());
        } catch (IOException e) {
            throw new IOException("the --output file cannot be written (missing directory or no permission)");
        }
    }

    private static boolean stdinIsAFile() {
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Paths.get("/dev/stdin"));
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * The agent's own options as they reach this command (SECRETAGENT_* and -Dsecretagent.*): min.length, mask,
     * headers, detectors and detectors.config apply here as in the running JVM.
     */
    static void installSettings() throws ConfigException, IOException {
        java.util.Properties props = new java.util.Properties();
        for (String n : System.getProperties().stringPropertyNames()) {
            if (n.startsWith("secretagent.")) {
                props.setProperty(n, System.getProperty(n));
            }
        }
        dev.secretagent.agent.config.AgentConfig config = dev.secretagent.agent.config.AgentConfig.load("", props,
                System.getenv());
        String rules = config.get(dev.secretagent.agent.config.Option.DETECTORS_CONFIG);
        if (rules != null) {
            try {
                dev.secretagent.agent.config.GitleaksConfig.load(java.nio.file.Paths.get(rules)).install();
            } catch (IllegalArgumentException e) {
                throw new ConfigException("detectors.config: " + e.getMessage());
            }
        }
        dev.secretagent.runtime.Settings.install(config.toSettings());
        Redaction.setWarnings(dev.secretagent.runtime.redact.Diagnostics.WARNINGS); // a secret too short to redact
    }

    /**
     * Large reads through the streaming redactor: it holds back only what could still become a secret. A pipe hands
     * out at most its buffer (64 KB) per read; what is already waiting in it is gathered, up to 1 MB, so that the
     * redactor scans large pieces, but never waited for: a line from {@code tail -f} goes out as it arrives.
     */
    static long pipe(InputStream in, OutputStream rawOut) throws IOException {
        byte[] buf = new byte[1 << 20];
        long total = 0;
        try (OutputStream out = Redaction.redactingStream(new java.io.BufferedOutputStream(rawOut, 1 << 16), "redact")) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int r;
                while (n < buf.length && waiting(in) && (r = in.read(buf, n, buf.length - n)) > 0) {
                    n += r;
                }
                out.write(buf, 0, n);
                total += n;
            }
        }
        return total;
    }

    /** Whether a read of {@code in} returns without waiting (a pipe or a file that holds unread bytes). */
    private static boolean waiting(InputStream in) {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
