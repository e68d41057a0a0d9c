package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A true-positive and false-positive case for every built-in detector. Samples are built at run time from pieces
 * (prefixes split, bodies random), so this file holds nothing the repository scan would report. The false positive
 * of each is the same sample with its random parts written as placeholders ({@code xxxx}, {@code 0000}).
 */
class DetectorTableTest {
    private static final SecureRandom RND = new SecureRandom();

    /** Makes the random pieces of a sample: random chars, or (placeholder) one repeated char. */
    static final class Gen {
        final boolean placeholder;
        /** The longest random piece made: the part of the credential that must not survive. */
        String secret = "";

        Gen(boolean placeholder) {
            this.placeholder = placeholder;
        }

        String pick(String alphabet, int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(placeholder ? (alphabet.indexOf('x') >= 0 ? 'x' : alphabet.charAt(0))
                        : alphabet.charAt(RND.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            if (s.length() > secret.length()) {
                secret = s;
            }
            return s;
        }

        String alnum(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n);
        }

        String upper(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
        }

        String lowerAlnum(int n) {
            return pick("abcdefghijklmnopqrstuvwxyz0123456789", n);
        }

        String letters(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n);
        }

        String hex(int n) {
            return pick("0123456789abcdef", n);
        }

        String digits(int n) {
            return pick("0123456789", n);
        }

        String b64url(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", n);
        }

        String b64(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", n);
        }

        String uuid() {
            return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
        }
    }

    private static String pieces(String... p) {
        return String.join("", p);
    }

    static final Map<String, Function<Gen, String>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("aws-access-key", g -> pieces("AK", "IA") + g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
        SAMPLES.put("aws-bedrock-key", g -> pieces("AB", "SK") + g.b64(120));
        SAMPLES.put("aws-bedrock-short-term-key", g -> pieces("bedrock", "-api-key-") + g.b64(200));
        SAMPLES.put("aws-secret-key", g -> "aws_secret_access_key = " + g.b64(40));
        SAMPLES.put("google-api-key", g -> pieces("AI", "za") + g.b64url(35));
        SAMPLES.put("google-oauth-client-secret", g -> pieces("GOC", "SPX-") + g.b64url(28));
        SAMPLES.put("google-oauth-access-token", g -> pieces("ya", "29.") + g.b64url(100));
        SAMPLES.put("azure-ad-client-secret", g -> "client_secret=" + g.alnum(3) + "8Q~" + g.alnum(34));
        SAMPLES.put("azure-storage-account-key", g -> "AccountName=x;" + pieces("Account", "Key=") + g.b64(86) + "==");
        SAMPLES.put("azure-shared-access-key", g -> "SharedAccessKeyName=x;" + pieces("SharedAccess", "Key=") + g.b64(43) + "=");
        SAMPLES.put("digitalocean-token", g -> pieces("dop", "_v1_") + g.hex(64));
        SAMPLES.put("heroku-api-key", g -> pieces("HR", "KU-") + g.b64url(60));
        SAMPLES.put("heroku-api-key-legacy", g -> "HEROKU_API_KEY=" + g.uuid());
        SAMPLES.put("alibaba-access-key", g -> pieces("LT", "AI") + g.alnum(20));
        SAMPLES.put("flyio-access-token", g -> pieces("fm", "2_") + g.b64(150));
        SAMPLES.put("flyio-oauth-token", g -> pieces("fo", "1_") + g.b64url(43));
        SAMPLES.put("cloudflare-api-key", g -> "cloudflare_api_token: " + g.b64url(40));
        SAMPLES.put("cloudflare-global-api-key", g -> "CLOUDFLARE_GLOBAL_KEY=" + g.hex(37));
        SAMPLES.put("cloudflare-origin-ca-key", g -> pieces("v1", ".0-") + g.hex(24) + "-" + g.hex(146));
        SAMPLES.put("terraform-api-token", g -> g.alnum(14) + pieces(".atlas", "v1.") + g.b64url(67));
        SAMPLES.put("vault-service-token", g -> pieces("hv", "s.") + g.b64url(95));
        SAMPLES.put("vault-batch-token", g -> pieces("hv", "b.") + g.b64url(140));
        SAMPLES.put("vault-recovery-token", g -> pieces("hv", "r.") + g.b64url(95));
        SAMPLES.put("pulumi-access-token", g -> pieces("pu", "l-") + g.hex(40));
        SAMPLES.put("databricks-token", g -> pieces("da", "pi") + g.hex(32));
        SAMPLES.put("github-pat", g -> pieces("gh", "p_") + g.alnum(36));
        SAMPLES.put("github-oauth-token", g -> pieces("gh", "o_") + g.alnum(36));
        SAMPLES.put("github-user-to-server-token", g -> pieces("gh", "u_") + g.alnum(36));
        SAMPLES.put("github-server-to-server-token", g -> pieces("gh", "s_") + g.alnum(36));
        SAMPLES.put("github-refresh-token", g -> pieces("gh", "r_") + g.alnum(76));
        SAMPLES.put("github-fine-grained-pat", g -> pieces("github", "_pat_") + g.alnum(22) + "_" + g.alnum(59));
        SAMPLES.put("gitlab-pat", g -> pieces("gl", "pat-") + g.b64url(20));
        SAMPLES.put("gitlab-deploy-token", g -> pieces("gl", "dt-") + g.b64url(20));
        SAMPLES.put("gitlab-runner-token", g -> pieces("gl", "rt-") + g.b64url(20));
        SAMPLES.put("gitlab-runner-registration-token", g -> pieces("GR13", "48941") + g.b64url(20));
        SAMPLES.put("gitlab-pipeline-trigger-token", g -> pieces("gl", "ptt-") + g.hex(40));
        SAMPLES.put("gitlab-feed-token", g -> pieces("gl", "ft-") + g.b64url(20));
        SAMPLES.put("gitlab-incoming-mail-token", g -> pieces("gl", "imt-") + g.b64url(25));
        SAMPLES.put("gitlab-agent-token", g -> pieces("gl", "agent-") + g.b64url(50));
        SAMPLES.put("gitlab-ci-build-token", g -> pieces("gl", "cbt-") + g.hex(1) + "_" + g.b64url(20));
        SAMPLES.put("gitlab-oauth-app-secret", g -> pieces("gl", "oas-") + g.b64url(64));
        SAMPLES.put("gitlab-scim-token", g -> pieces("gl", "soat-") + g.b64url(20));
        SAMPLES.put("gitlab-feature-flag-token", g -> pieces("gl", "ffct-") + g.b64url(20));
        SAMPLES.put("gitlab-kubernetes-agent-token", g -> pieces("gl", "kas-") + g.b64url(24));
        SAMPLES.put("gitlab-session-cookie", g -> pieces("_gitlab", "_session=") + g.hex(32));
        SAMPLES.put("atlassian-api-token", g -> pieces("ATA", "TT3") + g.b64url(180));
        SAMPLES.put("atlassian-bitbucket-app-password", g -> pieces("AT", "BB") + g.alnum(32));
        SAMPLES.put("jfrog-api-key", g -> pieces("AK", "Cp") + g.alnum(69));
        SAMPLES.put("jfrog-identity-token", g -> pieces("cmVm", "dGtu") + g.alnum(56));
        SAMPLES.put("docker-pat", g -> pieces("dckr", "_pat_") + g.b64url(27));
        SAMPLES.put("buildkite-token", g -> pieces("bk", "ua_") + g.hex(40));
        SAMPLES.put("sourcegraph-access-token", g -> pieces("sg", "p_") + g.hex(16) + "_" + g.hex(40));
        SAMPLES.put("postman-api-key", g -> pieces("PM", "AK-") + g.hex(24) + "-" + g.hex(34));
        SAMPLES.put("doppler-token", g -> pieces("dp", ".pt.") + g.alnum(43));
        SAMPLES.put("linear-api-key", g -> pieces("lin", "_api_") + g.alnum(40));
        SAMPLES.put("planetscale-token", g -> pieces("pscale", "_tkn_") + g.alnum(43));
        SAMPLES.put("prefect-api-key", g -> pieces("pn", "u_") + g.alnum(36));
        SAMPLES.put("readme-api-key", g -> pieces("rd", "me_") + g.lowerAlnum(70));
        SAMPLES.put("grafana-cloud-token", g -> pieces("gl", "c_") + g.b64(60));
        SAMPLES.put("grafana-service-account-token", g -> pieces("gl", "sa_") + g.alnum(32) + "_" + g.hex(8));
        SAMPLES.put("dynatrace-api-token", g -> pieces("dt0", "c01.") + g.upper(24) + "." + g.upper(64));
        SAMPLES.put("npm-access-token", g -> pieces("np", "m_") + g.alnum(36));
        SAMPLES.put("pypi-upload-token", g -> pieces("pypi-AgEI", "cHlwaS5vcmc") + g.b64url(70));
        SAMPLES.put("rubygems-api-key", g -> pieces("ruby", "gems_") + g.hex(48));
        SAMPLES.put("clojars-token", g -> pieces("CLO", "JARS_") + g.lowerAlnum(60));
        SAMPLES.put("slack-bot-token", g -> pieces("xo", "xb-") + g.digits(12) + "-" + g.digits(12) + "-" + g.alnum(24));
        SAMPLES.put("slack-user-token", g -> pieces("xo", "xp-") + g.digits(12) + "-" + g.digits(12) + "-" + g.digits(12) + "-" + g.hex(32));
        SAMPLES.put("slack-config-token", g -> pieces("xo", "xe.xo", "xp-") + "1-" + g.alnum(150));
        SAMPLES.put("slack-refresh-token", g -> pieces("xo", "xe-") + "1-" + g.alnum(140));
        SAMPLES.put("slack-app-token", g -> pieces("xa", "pp-") + "1-A" + g.upper(10) + "-" + g.digits(13) + "-" + g.hex(64));
        SAMPLES.put("slack-webhook-url", g -> "https://" + pieces("hooks.", "slack.com/") + "services/T" + g.upper(8) + "/B" + g.upper(10) + "/" + g.alnum(24));
        SAMPLES.put("discord-bot-token", g -> "DISCORD_BOT_TOKEN=" + g.b64url(24) + "." + g.b64url(6) + "." + g.b64url(27));
        SAMPLES.put("discord-webhook-url", g -> "https://" + pieces("discord.com", "/api/webhooks/") + g.digits(18) + "/" + g.b64url(68));
        SAMPLES.put("telegram-bot-token", g -> "TELEGRAM_BOT_TOKEN=" + g.digits(10) + ":A" + g.b64url(34));
        SAMPLES.put("twitter-api-secret", g -> "twitter_api_secret = " + g.alnum(50));
        SAMPLES.put("twitter-access-token", g -> "TWITTER_ACCESS_TOKEN=" + g.digits(19) + "-" + g.alnum(30));
        SAMPLES.put("twitter-bearer-token", g -> "AAAAAAAAAAA" + "AAAAAAAAAAA" + g.alnum(40) + "%2F" + g.alnum(40));
        SAMPLES.put("facebook-access-token", g -> "facebook_access_token = EAA" + g.alnum(100));
        SAMPLES.put("stripe-secret-key", g -> pieces("sk", "_live_") + g.alnum(24));
        SAMPLES.put("stripe-restricted-key", g -> pieces("rk", "_test_") + g.alnum(24));
        SAMPLES.put("stripe-webhook-secret", g -> pieces("wh", "sec_") + g.alnum(32));
        SAMPLES.put("shopify-access-token", g -> pieces("sh", "pat_") + g.hex(32));
        SAMPLES.put("square-access-token", g -> pieces("sq0", "atp-") + g.b64url(22));
        SAMPLES.put("square-oauth-secret", g -> pieces("sq0", "csp-") + g.b64url(43));
        SAMPLES.put("flutterwave-secret-key", g -> pieces("FLW", "SECK_TEST-") + g.pick("abcdefgh0123456789", 32) + "-X");
        SAMPLES.put("duffel-api-token", g -> pieces("duffel", "_test_") + g.b64url(43));
        SAMPLES.put("easypost-api-key", g -> pieces("EZ", "AK") + g.alnum(54));
        SAMPLES.put("shippo-api-token", g -> pieces("shippo", "_live_") + g.hex(40));
        SAMPLES.put("anthropic-api-key", g -> pieces("sk-", "ant-api03-") + g.b64url(93) + "AA");
        SAMPLES.put("anthropic-admin-key", g -> pieces("sk-", "ant-admin01-") + g.b64url(93) + "AA");
        SAMPLES.put("openai-project-key", g -> pieces("sk-", "proj-") + g.b64url(120));
        SAMPLES.put("openai-api-key", g -> pieces("sk", "-") + g.alnum(20) + pieces("T3Blbk", "FJ") + g.alnum(20));
        SAMPLES.put("huggingface-access-token", g -> "token " + pieces("h", "f_") + g.letters(34));
        SAMPLES.put("huggingface-org-token", g -> pieces("api", "_org_") + g.letters(34));
        SAMPLES.put("groq-api-key", g -> pieces("gs", "k_") + g.alnum(52));
        SAMPLES.put("perplexity-api-key", g -> pieces("pp", "lx-") + g.alnum(48));
        SAMPLES.put("replicate-api-token", g -> "key " + pieces("r8", "_") + g.alnum(37));
        SAMPLES.put("sentry-user-token", g -> pieces("sntr", "yu_") + g.hex(64));
        SAMPLES.put("sentry-org-token", g -> pieces("sntr", "ys_") + "eyJ" + g.b64url(80));
        SAMPLES.put("newrelic-user-api-key", g -> pieces("NR", "AK-") + g.upper(27));
        SAMPLES.put("newrelic-insert-key", g -> pieces("NR", "II-") + g.b64url(32));
        SAMPLES.put("newrelic-browser-key", g -> pieces("NR", "JS-") + g.hex(19));
        SAMPLES.put("newrelic-license-key", g -> g.hex(36) + pieces("NR", "AL"));
        SAMPLES.put("datadog-api-key", g -> "DD_API_KEY=" + g.hex(32));
        SAMPLES.put("datadog-app-key", g -> "datadog_app_key: " + g.hex(40));
        SAMPLES.put("twilio-api-key", g -> "TWILIO_API_KEY=SK" + g.hex(32));
        SAMPLES.put("twilio-auth-token", g -> "twilio_auth_token = " + g.hex(32));
        SAMPLES.put("sendgrid-api-key", g -> "key: " + pieces("S", "G.") + g.b64url(22) + "." + g.b64url(43));
        SAMPLES.put("mailgun-api-key", g -> "MAILGUN_API_KEY=key-" + g.hex(32));
        SAMPLES.put("mailchimp-api-key", g -> "mailchimp_key: " + g.hex(32) + "-us12");
        SAMPLES.put("okta-api-token", g -> "OKTA_API_TOKEN=00" + g.b64url(40));
        SAMPLES.put("snyk-api-token", g -> "SNYK_TOKEN=" + g.uuid());
        SAMPLES.put("notion-api-token", g -> pieces("nt", "n_") + g.digits(11) + g.alnum(35));
        SAMPLES.put("contentful-pat", g -> pieces("CF", "PAT-") + g.b64url(43));
        SAMPLES.put("typeform-pat", g -> pieces("tf", "p_") + g.b64url(59));
        SAMPLES.put("adobe-client-secret", g -> pieces("p8", "e-") + g.alnum(32));
        SAMPLES.put("infracost-api-token", g -> pieces("ic", "o-") + g.alnum(32));
        SAMPLES.put("age-secret-key", g -> pieces("AGE-SECRET", "-KEY-1") + g.pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58));
        SAMPLES.put("pem-private-key", g -> pem(g, "RSA PRIVATE KEY"));
        SAMPLES.put("pem-putty-private-key", g -> pieces("PuTTY-User", "-Key-File-3: ssh-ed25519\nEncryption: none\n")
                + "Comment: k\nPublic-Lines: 2\n" + g.b64(64) + "\nPrivate-Lines: 1\n" + g.b64(44) + "\nPrivate-MAC: " + g.hex(64));
        SAMPLES.put("jwt-token", g -> jwt(g));
        SAMPLES.put("jwt-base64-wrapped", g -> {
            String j = jwt(g);
            String w = Base64.getEncoder().encodeToString(j.getBytes(StandardCharsets.UTF_8));
            g.secret = w.substring(0, 40);
            return w;
        });
    }

    static String pem(Gen g, String label) {
        StringBuilder sb = new StringBuilder("-----" + "BEGIN " + label + "-----\n");
        for (int i = 0; i < 4; i++) {
            sb.append(g.b64(64)).append('\n');
        }
        return sb.append(g.b64(20)).append("==\n-----" + "END ").append(label).append("-----").toString();
    }

    static String jwt(Gen g) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + g.alnum(12) + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + g.b64url(43);
    }

    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        CustomDetectors.reset();
        TestSupport.settings();
    }

    @AfterEach
    void tearDown() {
        SecretRegistry.reset();
        CustomDetectors.reset();
    }

    /** Spans of one rule alone, with the rule's owner 0. */
    static List<int[]> only(DetectorRule r, String text) {
        RuleScanner.OwnerTable owners = new RuleScanner.OwnerTable();
        List<RuleScanner.Trigger> ts = new ArrayList<>();
        for (RuleScanner.Trigger t : RuleScanner.triggers(Collections.emptyList(), List.of(r), owners)) {
            if (t.kind == RuleScanner.DETECTOR) {
                ts.add(t);
            }
        }
        Spans sp = new RuleScanner(ts, "[REDACTED:").scan(text, 0, text.length(), null, new RuleScanner.Open());
        List<int[]> out = new ArrayList<>();
        for (int i = 0; sp != null && i < sp.size; i++) {
            if (owners.ids()[sp.owner[i]].equals(r.owner())) {
                out.add(new int[] {sp.start[i], sp.end[i]});
            }
        }
        return out;
    }

    @Test
    void everyDetectorHasSamplesAndKeywordsTheSearchCanFind() {
        for (DetectorRule r : DetectorTable.RULES) {
            assertThat(SAMPLES).as("a sample for " + r.id).containsKey(r.id);
            for (String k : r.keywords) {
                assertThat(k.length()).as(r.id + " keyword length").isGreaterThanOrEqualTo(TriggerIndex.STRIDE + 1);
            }
            if (r.regex != null) {
                r.pattern(); // compiles
            }
        }
        assertThat(DetectorTable.families()).contains("aws", "github", "gitlab", "slack", "stripe", "google", "pem",
                "jwt", "planetscale", "twitter", "sentry", "jfrog", "atlassian", "newrelic", "shopify", "cloudflare",
                "flyio", "openai", "anthropic", "huggingface", "npm", "pypi", "twilio", "sendgrid", "datadog", "vault",
                "azure", "digitalocean", "heroku", "postman", "doppler", "linear", "mailgun", "mailchimp");
    }

    @Test
    void truePositivesAreFoundByTheirOwnDetectorMaskedAndScanned() throws Exception {
        CredentialFormats scan = CredentialFormats.of(List.of());
        for (DetectorRule r : DetectorTable.RULES) {
            for (int round = 0; round < 5; round++) {
                Gen g = new Gen(false);
                String sample = SAMPLES.get(r.id).apply(g);
                String text = "found " + sample + " here\n";
                assertThat(only(r, text)).as(r.id + " finds " + sample.length() + " chars").isNotEmpty();
                // name-context rows run in the JVM when named (detectors=all,<family>)
                TestSupport.settings("detectors", r.kind == DetectorRule.CONTEXT ? "all," + r.family : "all");
                String masked = Redaction.redact(text, "t");
                assertThat(masked).as(r.id + " masked").doesNotContain(g.secret).contains("[REDACTED:");
                byte[] b = Redaction.redactUtf8(text.getBytes(StandardCharsets.UTF_8), 0, text.length(), "t");
                assertThat(new String(b, StandardCharsets.UTF_8)).as(r.id + " bytes").doesNotContain(g.secret);
                assertThat(TestSupport.stream(text, new int[] {1 + RND.nextInt(40), 1 + RND.nextInt(9)}, false))
                        .as(r.id + " stream").doesNotContain(g.secret);
                assertThat(scan.find(text)).as(r.id + " scanned").isNotEmpty();
            }
        }
    }

    @Test
    void placeholdersOfEveryShapeAreNotFindings() {
        CredentialFormats scan = CredentialFormats.of(List.of());
        for (DetectorRule r : DetectorTable.RULES) {
            Gen g = new Gen(true);
            String text = "found " + SAMPLES.get(r.id).apply(g) + " here\n";
            assertThat(only(r, text)).as(r.id + " placeholder").isEmpty();
            assertThat(scan.find(text)).as(r.id + " placeholder scanned").isEmpty();
        }
    }

    @Test
    void tokensGluedToAWordAreNotFindings() {
        for (DetectorRule r : DetectorTable.RULES) {
            if (r.kind != DetectorRule.PREFIX) {
                continue;
            }
            Gen g = new Gen(false);
            String sample = SAMPLES.get(r.id).apply(g);
            boolean startsWithKeyword = false;
            for (String k : r.keywords) {
                startsWithKeyword |= sample.startsWith(k);
            }
            if (!startsWithKeyword) {
                continue; // the keyword is a name before the value, or inside a URL
            }
            String text = "found x" + sample + " here";
            assertThat(only(r, text)).as(r.id + " glued").isEmpty();
        }
    }

    @Test
    void documentedExamplesAndTemplatesAreNotFindings() {
        CredentialFormats scan = CredentialFormats.of(List.of());
        String[] examples = {
            pieces("AKIA", "IOSFODNN7", "EXAMPLE"),
            "aws_secret_access_key = " + pieces("wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "EXAMPLEKEY"),
            pieces("gh", "p_") + "x".repeat(36),
            pieces("gh", "p_") + "0".repeat(36),
            "token: " + pieces("gh", "p_") + "${GITHUB_TOKEN}",
            "key = <token>",
            pieces("sk", "_live_") + "1234567890abcdefghijklmn",
            pieces("xo", "xb-") + "YOUR_BOT_TOKEN-here",
            pieces("gl", "pat-") + "XXXXXXXXXXXXXXXXXXXX",
            "DD_API_KEY=" + "0".repeat(32),
            "HEROKU_API_KEY=${HEROKU_API_KEY}",
        };
        for (String e : examples) {
            assertThat(scan.find("x " + e + " y")).as(e).isEmpty();
            assertThat(Redaction.redact("x " + e + " y", "t")).as(e).doesNotContain("detector:");
        }
    }

    @Test
    void aPemBeginWithoutEndMasksOnlyTheKeyMaterialNotTheRestOfTheText() {
        Gen g = new Gen(false);
        String material = g.b64(64) + "\n" + g.b64(64);
        String text = "-----" + "BEGIN PRIVATE KEY-----\n" + material + "\nand then the log goes on: user=alice action=login\n";
        String out = Redaction.redact(text, "t");
        assertThat(out).doesNotContain(material.substring(0, 64)).doesNotContain(material.substring(65))
                .contains("and then the log goes on: user=alice action=login");
        // a BEGIN in prose with no material at all is not a finding
        assertThat(CredentialFormats.of(List.of()).find("the file starts with -----" + "BEGIN PRIVATE KEY----- and ends"))
                .isEmpty();
        // PGP, OpenSSH and JSON-escaped blocks
        for (String label : new String[] {"PGP PRIVATE KEY BLOCK", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
            "EC PRIVATE KEY", "DSA PRIVATE KEY"}) {
            Gen k = new Gen(false);
            String block = pem(k, label);
            assertThat(Redaction.redact("a\n" + block + "\nb", "t")).as(label).isEqualTo("a\n[REDACTED:detector:pem-private-key]\nb");
            String json = "{\"private_key\":\"" + block.replace("\n", "\\n") + "\\n\",\"x\":1}";
            assertThat(Redaction.redact(json, "t")).as(label + " json").doesNotContain(k.secret).contains(",\"x\":1}");
        }
        Gen k = new Gen(false);
        String armoured = "-----" + "BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n" + k.b64(64) + "\n"
                + k.b64(30) + "\n=" + "ab12\n-----" + "END PGP PRIVATE KEY BLOCK-----";
        assertThat(Redaction.redact(armoured + " tail", "t")).isEqualTo("[REDACTED:detector:pem-private-key] tail");
    }

    @Test
    void unsignedJwtsAreFound() {
        Gen g = new Gen(false);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + g.alnum(16) + "\"}").getBytes(StandardCharsets.UTF_8));
        String token = header + "." + payload + ".";
        assertThat(Redaction.redact("t=" + token + " x", "t")).isEqualTo("t=[REDACTED:detector:jwt-token] x");
        // a signed header with no signature is not a token
        String signed = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(Redaction.redact("t " + signed + "." + payload + ". x", "t")).contains(payload);
    }

    @Test
    void nameContextRowsRunInTheJvmWhenNamedAndAlwaysInTheScan() {
        String v = new Gen(false).hex(40);
        String text = "datadog_app_key: " + v;
        assertThat(Redaction.redact(text, "t")).contains(v);
        TestSupport.settings("detectors", "all,datadog");
        assertThat(Redaction.redact(text, "t")).isEqualTo("datadog_app_key: [REDACTED:detector:datadog-app-key]");
        assertThat(CredentialFormats.of(List.of()).find(text)).extracting(h -> h.detector).containsExactly("datadog-app-key");
    }

    @Test
    void theDetectorsSettingSelectsFamiliesAndIds() {
        Gen g = new Gen(false);
        String gh = SAMPLES.get("github-pat").apply(g);
        Gen a = new Gen(false);
        String aws = SAMPLES.get("aws-access-key").apply(a);
        TestSupport.settings("detectors", "aws");
        assertThat(Redaction.redact(gh + " " + aws, "t")).isEqualTo(gh + " [REDACTED:detector:aws-access-key]");
        TestSupport.settings("detectors", "github-pat");
        assertThat(Redaction.redact(gh + " " + aws, "t")).isEqualTo("[REDACTED:detector:github-pat] " + aws);
    }

    @Test
    void customRulesAndTheGlobalAllowlistApplyToTheRuntime() {
        String value = "acme_" + new Gen(false).alnum(24);
        String allowed = "acme_" + "TESTONLY" + new Gen(false).alnum(16);
        CustomDetectors.install(List.of(DetectorRule.custom("acme-key", List.of("acme_"), "acme_[A-Za-z0-9]{24}", 0,
                0, List.of(), List.of())), true, List.of("TESTONLY"), List.of());
        TestSupport.settings();
        assertThat(Redaction.redact("k " + value + " " + allowed, "t")).isEqualTo("k [REDACTED:detector:acme-key] " + allowed);
        assertThat(CredentialFormats.of(List.of()).find("k " + value)).extracting(h -> h.detector).containsExactly("acme-key");
    }

    @Test
    void scanFindsSecretLookingValuesBehindCredentialNames() {
        CredentialFormats scan = CredentialFormats.of(List.of());
        String v = new Gen(false).alnum(32);
        assertThat(scan.find("my_service_token = \"" + v + "\"")).extracting(h -> h.detector).containsExactly("key:token");
        assertThat(scan.find("password=${DB_PASSWORD}\npassword: changeit\ntoken=" + "abc")).isEmpty();
    }
}
