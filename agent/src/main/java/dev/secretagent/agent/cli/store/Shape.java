package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.store.SecretGenerator;

import picocli.CommandLine.Option;

/** Length and alphabet of a generated value. */
final class Shape {
    @Option(names = {"--alphabet", "--format"}, paramLabel = "<name>", defaultValue = "base64url",
            description = "base64url (default), hex, alnum, password (printable, no look-alikes), or chars:<characters>")
    String alphabet;
    @Option(names = "--length", paramLabel = "<chars>",
            description = "characters (default: as many as 256 bits take; fewer than 128 bits is refused)")
    int length;
    @Option(names = "--bytes", paramLabel = "<n>",
            description = "strength in random bytes instead of --length (at least 16)")
    int bytes;

    String generate() {
        String a = SecretGenerator.alphabet(alphabet);
        if (bytes != 0 && length != 0) {
            throw new IllegalArgumentException("give --length or --bytes, not both");
        }
        if (bytes != 0 && bytes < 16) {
            throw new IllegalArgumentException("--bytes must be at least 16 (128 bits)");
        }
        return SecretGenerator.generate(bytes != 0 ? SecretGenerator.lengthFor(bytes * 8, a) : length, a);
    }

    int bits(String value) {
        return (int) SecretGenerator.bits(value.length(), SecretGenerator.alphabet(alphabet));
    }
}
