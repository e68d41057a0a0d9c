package dev.secretagent.agent.scan;

/** One credential found in a file: where, and what it is (a known secret's id or a detector), never the text. */
public final class ScanFinding {
    public enum Kind { VALUE, FORMAT }

    public final String path;
    public final int line;
    public final int column;
    public final Kind kind;
    /** The known secret's id (VALUE) or the detector's name (FORMAT). */
    public final String id;

    ScanFinding(String path, int line, int column, Kind kind, String id) {
        this.path = path;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.id = id;
    }

    /** {@code value:<id>} or {@code format:<detector>}: what allowlist entries and SARIF rules name. */
    public String rule() {
        return kind == Kind.VALUE ? "value:" + id : "format:" + id;
    }

    public String ruleId() {
        return kind == Kind.VALUE ? "known-secret-value" : "credential-format/" + id;
    }

    public String describe() {
        return kind == Kind.VALUE ? "the value of known secret " + id : "a " + id + " credential (by its format)";
    }
}
