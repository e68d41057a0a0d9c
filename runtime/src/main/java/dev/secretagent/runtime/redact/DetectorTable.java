package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in credential detectors, one row each, written from the providers' documented token formats. Why a
 * Java table and not a resource file: the runtime loads from the bootstrap class loader with no dependencies, and a
 * table here is checked by the compiler. The redactor and the {@code scan} command read the same rows.
 *
 * <p>Row helpers: {@code prefix(family, kind, "KW1 KW2", body)} (pattern = one of the keywords, then body),
 * {@code shortPrefix} (a prefix under 4 chars, see {@link DetectorRule#SHORT}), {@code inner(family, kind, keyword,
 * back, alphabet, pattern)}, {@code context(family, kind, "kw", value)} (value is group 1 after a
 * {@code name = } separator). Bodies and values use java.util.regex syntax.
 */
final class DetectorTable {
    private DetectorTable() {
    }

    private static final String B62 = "[A-Za-z0-9]";
    private static final String B64URL = "[A-Za-z0-9_-]";
    /** The name's rest, a quote, blanks, a separator, blanks and an opening quote between a keyword and a value. */
    static final String ASSIGN = "[\\w.-]{0,30}?[\"']?[ \\t]{0,3}(?::=|=>|=|:|\\|\\|)[ \\t]{0,3}[\"'`]?";

    static final List<DetectorRule> RULES;

    static {
        List<Row> r = new ArrayList<Row>();
        // cloud
        r.add(prefix("aws", "access-key", "AKIA ASIA ABIA ACCA", "[A-Z0-9]{16}"));
        r.add(prefix("aws", "bedrock-key", "ABSK", "[A-Za-z0-9+/]{100,300}={0,2}"));
        r.add(prefix("aws", "bedrock-short-term-key", "bedrock-api-key-", "[A-Za-z0-9+/]{100,4000}={0,2}"));
        r.add(context("aws", "secret-key", "aws_secret secret_access_key secretaccesskey",
                "([A-Za-z0-9/+]{40})").entropy(3.5));
        r.add(prefix("google", "api-key", "AIza", "[A-Za-z0-9_-]{35}"));
        r.add(prefix("google", "oauth-client-secret", "GOCSPX-", "[A-Za-z0-9_-]{28}"));
        r.add(prefix("google", "oauth-access-token", "ya29.", "[A-Za-z0-9_-]{30,}"));
        r.add(context("azure", "ad-client-secret", "client_secret clientsecret azure",
                "([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})"));
        r.add(prefix("azure", "storage-account-key", "AccountKey=", "([A-Za-z0-9+/]{86}==)").group(1));
        r.add(prefix("azure", "shared-access-key", "SharedAccessKey=", "([A-Za-z0-9+/]{43}=)").group(1));
        r.add(prefix("digitalocean", "token", "dop_v1_ doo_v1_ dor_v1_", "[a-f0-9]{64}"));
        r.add(prefix("heroku", "api-key", "HRKU-", "[A-Za-z0-9_-]{60}"));
        r.add(context("heroku", "api-key-legacy", "heroku", "(" + uuid() + ")"));
        r.add(prefix("alibaba", "access-key", "LTAI", "[A-Za-z0-9]{20}"));
        r.add(prefix("flyio", "access-token", "fm1r_ fm1a_ fm2_", "[A-Za-z0-9+/]{100,}={0,3}"));
        r.add(prefix("flyio", "oauth-token", "fo1_", "[A-Za-z0-9_-]{43}"));
        r.add(context("cloudflare", "api-key", "cloudflare", "([A-Za-z0-9_-]{40})").entropy(3.5));
        r.add(context("cloudflare", "global-api-key", "cloudflare", "([a-f0-9]{37})"));
        r.add(prefix("cloudflare", "origin-ca-key", "v1.0-", "[a-f0-9]{24}-[a-f0-9]{146}"));
        r.add(inner("terraform", "api-token", ".atlasv1.", 14, "[A-Za-z0-9.]", "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}"));
        r.add(prefix("vault", "service-token", "hvs.", "[A-Za-z0-9_-]{90,}"));
        r.add(prefix("vault", "batch-token", "hvb.", "[A-Za-z0-9_-]{138,}"));
        r.add(prefix("vault", "recovery-token", "hvr.", "[A-Za-z0-9_-]{90,}"));
        r.add(prefix("pulumi", "access-token", "pul-", "[a-f0-9]{40}"));
        r.add(prefix("databricks", "token", "dapi", "[a-f0-9]{32}(?:-[0-9])?"));
        // code hosts and CI
        r.add(prefix("github", "pat", "ghp_", "[A-Za-z0-9]{36,251}"));
        r.add(prefix("github", "oauth-token", "gho_", "[A-Za-z0-9]{36,251}"));
        r.add(prefix("github", "user-to-server-token", "ghu_", "[A-Za-z0-9]{36,251}"));
        r.add(prefix("github", "server-to-server-token", "ghs_", "[A-Za-z0-9]{36,251}"));
        r.add(prefix("github", "refresh-token", "ghr_", "[A-Za-z0-9]{36,251}"));
        r.add(prefix("github", "fine-grained-pat", "github_pat_", "[A-Za-z0-9_]{22,251}"));
        r.add(prefix("gitlab", "pat", "glpat-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "deploy-token", "gldt-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "runner-token", "glrt-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "runner-registration-token", "GR1348941", "[A-Za-z0-9_-]{20,}"));
        r.add(prefix("gitlab", "pipeline-trigger-token", "glptt-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "feed-token", "glft-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "incoming-mail-token", "glimt-", "[A-Za-z0-9_.-]{25,}"));
        r.add(prefix("gitlab", "agent-token", "glagent-", "[A-Za-z0-9_.-]{50,}"));
        r.add(prefix("gitlab", "ci-build-token", "glcbt-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "oauth-app-secret", "gloas-", "[A-Za-z0-9_.-]{64,}"));
        r.add(prefix("gitlab", "scim-token", "glsoat-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "feature-flag-token", "glffct-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "kubernetes-agent-token", "glkas-", "[A-Za-z0-9_.-]{20,}"));
        r.add(prefix("gitlab", "session-cookie", "_gitlab_session=", "([a-f0-9]{32})").group(1));
        r.add(prefix("atlassian", "api-token", "ATATT3 ATCTT3", "[A-Za-z0-9_=.+/-]{100,}"));
        r.add(prefix("atlassian", "bitbucket-app-password", "ATBB", "[A-Za-z0-9_=.-]{32,}"));
        r.add(prefix("jfrog", "api-key", "AKCp", "[A-Za-z0-9]{69}"));
        r.add(prefix("jfrog", "identity-token", "cmVmdGtu", "[A-Za-z0-9]{56}"));
        r.add(prefix("docker", "pat", "dckr_pat_ dckr_oat_", "[A-Za-z0-9_-]{27,}"));
        r.add(prefix("buildkite", "token", "bkua_", "[a-f0-9]{40}"));
        r.add(prefix("sourcegraph", "access-token", "sgp_", "(?:[a-f0-9]{16}_)?[a-f0-9]{40}"));
        r.add(prefix("postman", "api-key", "PMAK-", "[a-f0-9]{24}-[a-f0-9]{34}"));
        r.add(prefix("doppler", "token", "dp.pt. dp.st. dp.sa. dp.ct. dp.scim. dp.audit.", "[A-Za-z0-9]{40,44}"));
        r.add(prefix("linear", "api-key", "lin_api_ lin_oauth_", "[A-Za-z0-9]{40}"));
        r.add(prefix("planetscale", "token", "pscale_tkn_ pscale_pw_ pscale_oauth_", "[A-Za-z0-9=._-]{32,64}"));
        r.add(prefix("prefect", "api-key", "pnu_", "[A-Za-z0-9]{36}"));
        r.add(prefix("readme", "api-key", "rdme_", "[a-z0-9]{70}"));
        r.add(prefix("grafana", "cloud-token", "glc_", "[A-Za-z0-9+/]{32,400}={0,2}"));
        r.add(prefix("grafana", "service-account-token", "glsa_", "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}"));
        r.add(prefix("dynatrace", "api-token", "dt0c01.", "[A-Z0-9]{24}\\.[A-Z0-9]{64}"));
        // package registries
        r.add(prefix("npm", "access-token", "npm_", "[A-Za-z0-9]{36}"));
        r.add(prefix("pypi", "upload-token", "pypi-AgEIcHlwaS5vcmc", "[A-Za-z0-9_-]{50,}"));
        r.add(prefix("rubygems", "api-key", "rubygems_", "[a-f0-9]{48}"));
        r.add(prefix("clojars", "token", "CLOJARS_", "[a-z0-9]{60}"));
        // chat
        r.add(prefix("slack", "bot-token", "xoxb-", "[0-9]{1,13}-[A-Za-z0-9-]{10,}"));
        r.add(prefix("slack", "user-token", "xoxp- xoxa- xoxr- xoxs- xoxo-", "[0-9]{1,13}-[A-Za-z0-9-]{10,}"));
        r.add(prefix("slack", "config-token", "xoxe.xoxp- xoxe.xoxb-", "[0-9]-[A-Za-z0-9]{100,}"));
        r.add(prefix("slack", "refresh-token", "xoxe-", "[0-9]-[A-Za-z0-9]{100,}"));
        r.add(prefix("slack", "app-token", "xapp-", "[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{40,70}"));
        r.add(prefix("slack", "webhook-url", "hooks.slack.com/",
                "(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{40,}"));
        r.add(context("discord", "bot-token", "discord", "([A-Za-z0-9_-]{24,28}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})"));
        r.add(prefix("discord", "webhook-url", "discord.com/api/webhooks/ discordapp.com/api/webhooks/",
                "[0-9]{17,20}/[A-Za-z0-9_-]{60,68}"));
        r.add(context("telegram", "bot-token", "telegram tgbot", "([0-9]{5,16}:A[A-Za-z0-9_-]{34})"));
        r.add(context("twitter", "api-secret", "twitter", "([A-Za-z0-9]{50})").entropy(3.5));
        r.add(context("twitter", "access-token", "twitter", "([0-9]{15,25}-[A-Za-z0-9]{20,40})"));
        r.add(prefix("twitter", "bearer-token", "AAAAAAAAAAAAAAAAAAAAA", "A*[A-Za-z0-9%]{60,120}").runsAllowed());
        r.add(context("facebook", "access-token", "facebook", "(EAA[A-Za-z0-9]{80,})"));
        // payments and commerce
        r.add(prefix("stripe", "secret-key", "sk_live_ sk_test_", "[A-Za-z0-9]{16,247}"));
        r.add(prefix("stripe", "restricted-key", "rk_live_ rk_test_", "[A-Za-z0-9]{16,247}"));
        r.add(prefix("stripe", "webhook-secret", "whsec_", "[A-Za-z0-9+/]{32,}={0,2}"));
        r.add(prefix("shopify", "access-token", "shpat_ shpca_ shppa_ shpss_", "[a-fA-F0-9]{32}"));
        r.add(prefix("square", "access-token", "sq0atp-", "[A-Za-z0-9_-]{22,60}"));
        r.add(prefix("square", "oauth-secret", "sq0csp-", "[A-Za-z0-9_-]{43}"));
        r.add(prefix("flutterwave", "secret-key", "FLWSECK_TEST- FLWSECK-", "[a-h0-9]{32}-X"));
        r.add(prefix("duffel", "api-token", "duffel_live_ duffel_test_", "[A-Za-z0-9_=-]{43}"));
        r.add(prefix("easypost", "api-key", "EZAK EZTK", "[A-Za-z0-9]{54}"));
        r.add(prefix("shippo", "api-token", "shippo_live_ shippo_test_", "[a-f0-9]{40}"));
        // AI APIs
        r.add(prefix("anthropic", "api-key", "sk-ant-api03-", "[A-Za-z0-9_-]{80,120}"));
        r.add(prefix("anthropic", "admin-key", "sk-ant-admin01-", "[A-Za-z0-9_-]{80,120}"));
        r.add(prefix("openai", "project-key", "sk-proj- sk-svcacct- sk-admin- sk-None-", "[A-Za-z0-9_-]{40,200}"));
        r.add(inner("openai", "api-key", "T3BlbkFJ", 180, "[A-Za-z0-9_-]",
                "sk-[A-Za-z0-9_-]{8,180}T3BlbkFJ[A-Za-z0-9_-]{20,180}"));
        r.add(shortPrefix("huggingface", "access-token", "hf_", "[a-zA-Z]{34}"));
        r.add(prefix("huggingface", "org-token", "api_org_", "[a-zA-Z]{34}"));
        r.add(prefix("groq", "api-key", "gsk_", "[A-Za-z0-9]{52}"));
        r.add(prefix("perplexity", "api-key", "pplx-", "[A-Za-z0-9]{48}"));
        r.add(prefix("replicate", "api-token", "r8_", "[A-Za-z0-9]{37}").shortened());
        // observability
        r.add(prefix("sentry", "user-token", "sntryu_", "[a-f0-9]{64}"));
        r.add(prefix("sentry", "org-token", "sntrys_", "eyJ[A-Za-z0-9+/=_-]{30,}"));
        r.add(prefix("newrelic", "user-api-key", "NRAK-", "[A-Z0-9]{27}"));
        r.add(prefix("newrelic", "insert-key", "NRII-", "[A-Za-z0-9_-]{32}"));
        r.add(prefix("newrelic", "browser-key", "NRJS-", "[a-f0-9]{19}"));
        r.add(inner("newrelic", "license-key", "NRAL", 36, "[a-f0-9]", "[a-f0-9]{36}NRAL"));
        r.add(context("datadog", "api-key", "datadog dd_api_key", "([a-f0-9]{32})").entropy(3.0));
        r.add(context("datadog", "app-key", "datadog dd_app_key", "([a-f0-9]{40})").entropy(3.0));
        // messaging and SaaS
        r.add(context("twilio", "api-key", "twilio", "(SK[a-fA-F0-9]{32})"));
        r.add(context("twilio", "auth-token", "twilio", "([a-f0-9]{32})").entropy(3.0));
        r.add(shortPrefix("sendgrid", "api-key", "SG.", "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"));
        r.add(context("mailgun", "api-key", "mailgun", "((?:key-)?[a-f0-9]{32}(?:-[a-f0-9]{8}-[a-f0-9]{8})?)"));
        r.add(context("mailchimp", "api-key", "mailchimp", "([a-f0-9]{32}-us[0-9]{1,2})"));
        r.add(context("okta", "api-token", "okta", "(00[A-Za-z0-9_-]{40})"));
        r.add(context("snyk", "api-token", "snyk", "(" + uuid() + ")"));
        r.add(prefix("notion", "api-token", "ntn_", "[0-9]{11}[A-Za-z0-9]{35}"));
        r.add(prefix("contentful", "pat", "CFPAT-", "[A-Za-z0-9_-]{43}"));
        r.add(prefix("typeform", "pat", "tfp_", "[A-Za-z0-9_.=-]{59}"));
        r.add(prefix("adobe", "client-secret", "p8e-", "[A-Za-z0-9]{32}"));
        r.add(prefix("infracost", "api-token", "ico-", "[A-Za-z0-9]{32}"));
        r.add(prefix("age", "secret-key", "AGE-SECRET-KEY-1", "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"));
        // formats checked by code
        r.add(code("pem", "private-key", "-----BEGIN "));
        r.add(code("pem", "putty-private-key", "PuTTY-User-Key-File-"));
        r.add(code("jwt", "token", ".eyJ"));
        r.add(code("jwt", "base64-wrapped", "ZXlK"));
        List<DetectorRule> rules = new ArrayList<DetectorRule>();
        for (Row row : r) {
            rules.add(build(row));
        }
        RULES = Collections.unmodifiableList(rules);
    }

    private static String uuid() {
        return "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    }

    /** Every family, in table order. */
    static List<String> families() {
        Set<String> out = new LinkedHashSet<String>();
        for (DetectorRule r : RULES) {
            out.add(r.family);
        }
        return new ArrayList<String>(out);
    }

    /** The rules a name selects: a family ({@code github}) or one rule's id ({@code github-pat}); empty if neither. */
    static List<DetectorRule> select(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("detector:")) {
            n = n.substring(9);
        }
        List<DetectorRule> out = new ArrayList<DetectorRule>();
        for (DetectorRule r : RULES) {
            if (r.family.equals(n) || r.id.equals(n)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rules of a {@code detectors} setting for the scan: "all"/empty, "none", or families and ids. */
    static List<DetectorRule> forSetting(List<String> names) {
        return forSetting(names, true);
    }

    /**
     * The rules of a {@code detectors} setting: "all"/empty, "none", or families and ids. Unknown: IAE.
     * {@code contextToo}: does "all" include the name-context rows? The scan: yes. The running JVM: no, they run
     * only when named (e.g. {@code detectors=all,datadog}): their keywords are lower-case words whose 2-grams fill
     * the trigger search's filter (measured: about half the detectors' cost on clean log text), and in output the
     * values behind such names are mostly masked by the key rule already ({@code DD_API_KEY=}, {@code *_TOKEN=}).
     */
    static List<DetectorRule> forSetting(List<String> names, boolean contextToo) {
        boolean all = names == null || names.isEmpty() || names.get(0).equalsIgnoreCase("all");
        if (all && (names == null || names.size() <= 1)) {
            if (contextToo) {
                return RULES;
            }
            List<DetectorRule> out = new ArrayList<DetectorRule>();
            for (DetectorRule r : RULES) {
                if (r.kind != DetectorRule.CONTEXT) {
                    out.add(r);
                }
            }
            return out;
        }
        if (all) {
            List<DetectorRule> out = new ArrayList<DetectorRule>(forSetting(null, contextToo));
            for (DetectorRule r : forSetting(names.subList(1, names.size()), true)) {
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
            return out;
        }
        List<DetectorRule> out = new ArrayList<DetectorRule>();
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("none")) {
            return out;
        }
        for (String n : names) {
            List<DetectorRule> sel = select(n.trim());
            if (sel.isEmpty()) {
                throw new IllegalArgumentException("unknown detector (known: all, none, or one of the families "
                        + families() + " or a detector id)");
            }
            for (DetectorRule r : sel) {
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    static String[] caseVariants(String keyword) {
        String low = keyword.toLowerCase(Locale.ROOT);
        String up = keyword.toUpperCase(Locale.ROOT);
        String cap = low.isEmpty() ? low : Character.toUpperCase(low.charAt(0)) + low.substring(1);
        Set<String> v = new LinkedHashSet<String>(Arrays.asList(low, up, cap));
        return v.toArray(new String[0]);
    }

    // ---------------------------------------------------------------- row helpers

    /** A rule under construction: the table's rows chain {@code group}, {@code entropy}, {@code shortened}. */
    static final class Row {
        String family;
        String kind;
        int type;
        String[] keywords;
        String regex;
        int group;
        double entropy;
        int back;
        String backAlphabet;
        boolean runs = true;

        Row runsAllowed() {
            runs = false;
            return this;
        }

        Row group(int g) {
            group = g;
            return this;
        }

        Row entropy(double e) {
            entropy = e;
            return this;
        }

        /** The prefix is under 4 chars: it is looked for behind the chars a token stands after. */
        Row shortened() {
            type = DetectorRule.SHORT;
            return this;
        }
    }

    private static Row row(String family, String kind, int type, String keywords, String regex) {
        Row r = new Row();
        r.family = family;
        r.kind = kind;
        r.type = type;
        r.keywords = keywords.split(" ");
        r.regex = regex;
        return r;
    }

    private static Row prefix(String family, String kind, String keywords, String body) {
        StringBuilder alt = new StringBuilder("(?:");
        String[] kws = keywords.split(" ");
        for (int i = 0; i < kws.length; i++) {
            alt.append(i == 0 ? "" : "|").append(java.util.regex.Pattern.quote(kws[i]));
        }
        return row(family, kind, DetectorRule.PREFIX, keywords, alt.append(')').append(body).toString());
    }

    private static Row shortPrefix(String family, String kind, String keyword, String body) {
        return prefix(family, kind, keyword, body).shortened();
    }

    private static Row inner(String family, String kind, String keyword, int back, String alphabet, String regex) {
        Row r = row(family, kind, DetectorRule.INNER, keyword, regex);
        r.back = back;
        r.backAlphabet = alphabet;
        return r;
    }

    private static Row context(String family, String kind, String keywords, String value) {
        List<String> variants = new ArrayList<String>();
        for (String k : keywords.split(" ")) {
            variants.addAll(Arrays.asList(caseVariants(k)));
        }
        StringBuilder kw = new StringBuilder();
        for (String v : variants) {
            kw.append(kw.length() == 0 ? "" : " ").append(v);
        }
        Row r = row(family, kind, DetectorRule.CONTEXT, kw.toString(), "(?i:" + alternation(keywords) + ")" + ASSIGN
                + value + "(?![A-Za-z0-9_+/=-])");
        r.group = 1;
        return r;
    }

    private static String alternation(String keywords) {
        StringBuilder sb = new StringBuilder();
        for (String k : keywords.split(" ")) {
            sb.append(sb.length() == 0 ? "" : "|").append(java.util.regex.Pattern.quote(k));
        }
        return sb.toString();
    }

    private static Row code(String family, String kind, String keyword) {
        return row(family, kind, DetectorRule.CODE, keyword, null);
    }

    static DetectorRule build(Row r) {
        String[] keywords = r.keywords;
        if (r.type == DetectorRule.SHORT) {
            List<String> k = new ArrayList<String>();
            for (String p : r.keywords) {
                for (char b : DetectorRule.SHORT_BOUNDARIES.toCharArray()) {
                    k.add(b + p);
                }
            }
            keywords = k.toArray(new String[0]);
        }
        DetectorRule rule = new DetectorRule(r.family + "-" + r.kind, r.family, r.type, keywords, r.regex, r.group,
                r.entropy, r.back, r.backAlphabet, new String[0], new java.util.regex.Pattern[0]);
        rule.runsArePlaceholders = r.runs;
        return rule;
    }
}
