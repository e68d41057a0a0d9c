package dev.secretagent.agent.config;

/** A configuration problem; the message names the key (and, for the file, the file and line) and says what is wrong. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
