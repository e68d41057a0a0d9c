package dev.secretagent.agent.store.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plaintext inside the envelope: every secret with all its versions. A small, versioned binary
 * format (no parser to load at start-up, nothing reflective):
 *
 * <pre>
 * format:u8=1 | revision:int64 | count:int32 | { path:UTF | revoked:bool | versions:int32 |
 *     { number:int32 | created:int64 (epoch ms) | destroyed:bool | valueLen:int32 | value:UTF-8 } }
 * </pre>
 */
public final class StoreContent {
    private static final int FORMAT = 1;

    /** One version of one secret. A destroyed version keeps its number and date, not its value. */
    public static final class Version {
        public final int number;
        public final long created;
        final byte[] value;
        public final boolean destroyed;

        Version(int number, long created, byte[] value, boolean destroyed) {
            this.number = number;
            this.created = created;
            this.value = value;
            this.destroyed = destroyed;
        }

        public String value() {
            return new String(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** All versions of one secret path; revoked means "no version may be used". */
    public static final class Entry {
        public final List<Version> versions = new ArrayList<>();
        public boolean revoked;

        /** The newest version that still has a value, or null. */
        public Version current() {
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (!versions.get(i).destroyed) {
                    return versions.get(i);
                }
            }
            return null;
        }

        public Version version(int n) {
            for (Version v : versions) {
                if (v.number == n) {
                    return v;
                }
            }
            return null;
        }

        int nextNumber() {
            return versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number + 1;
        }
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private long revision;

    public long revision() {
        return revision;
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public Entry entry(String path) {
        return entries.get(path);
    }

    /** Adds a new version (un-revoking the secret); returns its number. */
    public int put(String path, String value, long now) {
        Entry e = entries.get(path);
        if (e == null) {
            e = new Entry();
            entries.put(path, e);
        }
        int n = e.nextNumber();
        e.versions.add(new Version(n, now, value.getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
        e.revoked = false;
        return n;
    }

    public boolean revoke(String path) {
        Entry e = entries.get(path);
        if (e == null) {
            return false;
        }
        e.revoked = true;
        return true;
    }

    /** Wipes one version's value for good; with {@code version} null, removes the secret and all its versions. */
    public boolean destroy(String path, Integer version) {
        Entry e = entries.get(path);
        if (e == null) {
            return false;
        }
        if (version == null) {
            for (Version v : e.versions) {
                Arrays.fill(v.value, (byte) 0);
            }
            entries.remove(path);
            return true;
        }
        for (int i = 0; i < e.versions.size(); i++) {
            Version v = e.versions.get(i);
            if (v.number == version) {
                Arrays.fill(v.value, (byte) 0);
                e.versions.set(i, new Version(v.number, v.created, new byte[0], true));
                return true;
            }
        }
        return false;
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeLong(revision + 1);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> me : entries.entrySet()) {
                out.writeUTF(me.getKey());
                out.writeBoolean(me.getValue().revoked);
                out.writeInt(me.getValue().versions.size());
                for (Version v : me.getValue().versions) {
                    out.writeInt(v.number);
                    out.writeLong(v.created);
                    out.writeBoolean(v.destroyed);
                    out.writeInt(v.value.length);
                    out.write(v.value);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static StoreContent decode(byte[] plain) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException("unsupported content format " + format);
        }
        StoreContent c = new StoreContent();
        c.revision = in.readLong();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            Entry e = new Entry();
            e.revoked = in.readBoolean();
            int nv = in.readInt();
            for (int j = 0; j < nv; j++) {
                int number = in.readInt();
                long created = in.readLong();
                boolean destroyed = in.readBoolean();
                int len = in.readInt();
                if (len < 0 || len > plain.length) {
                    throw new IOException("bad value length");
                }
                byte[] value = new byte[len];
                in.readFully(value);
                e.versions.add(new Version(number, created, value, destroyed));
            }
            c.entries.put(path, e);
        }
        return c;
    }
}
