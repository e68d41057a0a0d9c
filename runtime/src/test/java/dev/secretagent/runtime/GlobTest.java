package dev.secretagent.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Glob#prepare} answers as {@link Glob#matches} does, for every glob and text built from a few pieces. */
class GlobTest {
    private static final String[] GLOB_PIECES = {"", "*", "**", "?", "A", "_KEY", "PASS", "*PASSWORD*", "A*B", "?*"};
    private static final String[] TEXT_PIECES = {"", "A", "B", "_KEY", "PASS", "PASSWORD", "DB_PASSWORD_FILE", "x",
            "A_B", "SECRETAGENT_"};

    @Test
    void preparedGlobsMatchAsTheLoopDoes() {
        int compared = 0;
        for (String g1 : GLOB_PIECES) {
            for (String g2 : GLOB_PIECES) {
                String glob = g1 + g2;
                Glob.Prepared prepared = Glob.prepare(glob);
                for (String t1 : TEXT_PIECES) {
                    for (String t2 : TEXT_PIECES) {
                        String text = t1 + t2;
                        assertThat(prepared.matches(text)).as("'%s' against '%s'", glob, text)
                                .isEqualTo(Glob.matches(glob, text));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(10_000);
    }

    @Test
    void theUsualFormsAnswerAsDocumented() {
        assertThat(Glob.prepare("*PASSWORD*").matches("DB_PASSWORD_FILE")).isTrue();
        assertThat(Glob.prepare("*_KEY").matches("AWS_KEY")).isTrue();
        assertThat(Glob.prepare("*_KEY").matches("AWS_KEY_ID")).isFalse();
        assertThat(Glob.prepare("SECRETAGENT_*").matches("SECRETAGENT_MODE")).isTrue();
        assertThat(Glob.prepare("SECRETAGENT_*").matches("MY_SECRETAGENT_MODE")).isFalse();
        assertThat(Glob.prepare("A?C").matches("ABC")).isTrue();
        assertThat(Glob.prepare("*").matches("")).isTrue();
    }
}
