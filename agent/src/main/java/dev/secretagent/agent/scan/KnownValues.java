package dev.secretagent.agent.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Known secret values, held as fingerprints only: for each value (and its base64 form) a 64-bit rolling
 * hash with a per-run random base, to find candidate windows of the same length quickly, and a salted
 * SHA-256 to confirm one. The values themselves are dropped once fingerprinted, so a scan never keeps a
 * secret in clear in its own memory longer than reading it takes, and nothing it prints can hold one.
 */
public final class KnownValues {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long base = RANDOM.nextLong() | 1L;
    private final byte[] salt = new byte[16];
    /** length -> rolling hash -> (salted sha-256 as hex -> secret id). */
    private final Map<Integer, Map<Long, Map<String, String>>> byLength = new TreeMap<>();
    private final Map<Integer, Long> topPower = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final int minLength;

    public KnownValues(int minLength) {
        this.minLength = minLength;
        RANDOM.nextBytes(salt);
    }

    /** Returns false when the value is too short to look for (a warning names the id, never the value). */
    public boolean add(String id, String value) {
        if (value == null || value.length() < minLength) {
            return false;
        }
        addForm(id, value);
        String b64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        addForm(id, b64.endsWith("=") ? b64.replaceAll("=+$", "") : b64);
        if (!ids.contains(id)) {
            ids.add(id);
        }
        return true;
    }

    private void addForm(String id, String form) {
        int len = form.length();
        byLength.computeIfAbsent(len, k -> new HashMap<>())
                .computeIfAbsent(rolling(form, 0, len), k -> new HashMap<>())
                .put(digest(form, 0, len), id);
        topPower.computeIfAbsent(len, this::power);
    }

    public List<String> ids() {
        return ids;
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** Calls {@code sink} with (offset, id) for every window of {@code text} that is a known value. */
    public void find(String text, Sink sink) {
        for (Map.Entry<Integer, Map<Long, Map<String, String>>> e : byLength.entrySet()) {
            int len = e.getKey();
            if (text.length() < len) {
                continue;
            }
            Map<Long, Map<String, String>> table = e.getValue();
            long top = topPower.get(len);
            long h = rolling(text, 0, len);
            for (int i = 0; ; i++) {
                Map<String, String> candidates = table.get(h);
                if (candidates != null) {
                    String id = candidates.get(digest(text, i, i + len));
                    if (id != null) {
                        sink.found(i, len, id);
                    }
                }
                if (i + len >= text.length()) {
                    break;
                }
                h = (h - text.charAt(i) * top) * base + text.charAt(i + len);
            }
        }
    }

    public interface Sink {
        void found(int offset, int length, String id);
    }

    private long rolling(CharSequence s, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = h * base + s.charAt(i);
        }
        return h;
    }

    private long power(int len) {
        long p = 1;
        for (int i = 1; i < len; i++) {
            p *= base;
        }
        return p;
    }

    private String digest(CharSequence s, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(s.subSequence(from, to).toString().getBytes(StandardCharsets.UTF_8));
            byte[] d = md.digest();
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
