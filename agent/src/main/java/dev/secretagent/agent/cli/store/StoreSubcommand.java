package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.spi.StoreException;

import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every {@code store} sub-command shares: the store options, the audit of its own reads, and the error
 * handling (a message naming the problem, never a value; exit status 1, or 2 for bad usage).
 */
abstract class StoreSubcommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Override
    public final Integer call() {
        try {
            return run(where.startAudit());
        } catch (StoreException e) {
            System.err.println("secret-agent store: " + e.getMessage());
            return 1;
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("secret-agent store: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("secret-agent store: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        } finally {
            StoreOptions.flushAudit();
        }
    }

    /** The sub-command itself, with the options it runs under (the audit writer is started with them). */
    abstract int run(Map<String, String> o) throws StoreException, ConfigException, IOException;

    static void audit(String action, String path, String version, String kind) {
        StoreOptions.audit(action, path, version, kind, "secret-agent store " + action);
    }
}
