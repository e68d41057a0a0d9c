package bench.getenv;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * System.getenv as an application calls it. Run twice, side by side: once plain, once with the agent
 * in the forked JVM ({@code -jvmArgsAppend -javaagent:agent/target/secret-agent.jar=audit.file=...}).
 * The launcher's environment must hold BENCH_COLOR (not a secret name) and BENCH_PASSWORD (a secret
 * name: with the agent, every call walks the stack, checks the policy and records an audit event,
 * aggregated into one line per window). See docs/performance.md, section "getenv". Not under
 * dev.secretagent.agent: the agent does not audit its own reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetenvBenchmark {
    @Benchmark
    public String nonSecretName() {
        return System.getenv("BENCH_COLOR");
    }

    @Benchmark
    public String secretName() {
        return System.getenv("BENCH_PASSWORD");
    }

    @Benchmark
    public String nonSecretProperty() {
        return System.getProperty("user.dir");
    }
}
