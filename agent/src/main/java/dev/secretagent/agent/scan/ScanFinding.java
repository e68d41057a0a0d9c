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
        return kind == Kind.VALUE ? "the value of known secret " + id : credential(id, false) + " (by its format)";
    }

    /** "an AWS credential", "a GitHub credential", "a PEM private key": the article by how the name is said. */
    public static String credential(String detector, boolean capital) {
        String name;
        // detector ids are <provider>-<kind> (aws-access-key, github-pat): the provider names the credential,
        // the full id is in the finding's [format:...] rule
        String family = detector.indexOf('-') > 0 ? detector.substring(0, detector.indexOf('-')) : detector;
        switch (family) {
            case "aws": name = "AWS credential"; break;
            case "github": name = "GitHub credential"; break;
            case "gitlab": name = "GitLab credential"; break;
            case "slack": name = "Slack credential"; break;
            case "stripe": name = "Stripe credential"; break;
            case "google": name = "Google credential"; break;
            case "pem": case "private": name = "PEM private key"; break;
            case "jwt": name = "JWT"; break;
            case "openai": name = "OpenAI credential"; break;
            case "npm": name = "npm credential"; break;
            default: name = detector + " credential";
        }
        // AWS, a PEM ..., a JWT: a vowel sound decides, not the letter (e.g. "an AWS", "a JWT")
        boolean an = "aeiouAEIO".indexOf(name.charAt(0)) >= 0 && !name.startsWith("U");
        String article = an ? "an " : "a ";
        return (capital ? Character.toUpperCase(article.charAt(0)) + article.substring(1) : article) + name;
    }
}
