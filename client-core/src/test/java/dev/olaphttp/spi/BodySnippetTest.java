package dev.olaphttp.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** D19: a body quoted in a message is capped, escaped and marked; no more than the cap of it ever appears. */
class BodySnippetTest {
    @Test
    void aLongBodyIsCutAtTheCapAndMarked() {
        String body = "row\t".repeat(1250); // 5,000 bytes of "result rows"
        String q = BodySnippet.quote(body);
        assertThat(q).endsWith("... [body snippet, 200 of 5,000 bytes]");
        assertThat(q).doesNotContain("\t").contains("row\\trow");
    }

    @Test
    void aShortBodyIsWholeAndMarked() {
        assertThat(BodySnippet.quote("{\"kind\":\"Unavailable\"}")).isEqualTo("{\"kind\":\"Unavailable\"} [body snippet, 22 of 22 bytes]");
        assertThat(BodySnippet.quote("")).isEmpty();
        assertThat(HttpErrors.snippet("")).isEmpty();
    }

    @Test
    void controlCharactersAreEscapedSoAMessageStaysOneLine() {
        String q = BodySnippet.quote("a\r\nb\0c\u001b[31md\u0085e\u2028f\\");
        assertThat(q).startsWith("a\\r\\nb\\u0000c\\u001b[31md\\u0085e\\u2028f\\\\ [");
        assertThat(q.chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Test
    void bytesAreCountedAsUtf8AndASurrogatePairIsNeverSplit() {
        String body = "é".repeat(199) + "\uD83D\uDE00" + "tail";
        String q = BodySnippet.quote(body);
        assertThat(q).startsWith("é".repeat(199) + "...").endsWith("[body snippet, 398 of 406 bytes]");
    }

    @Test
    void noMoreThanTheCapOfARandomBodyEverAppearsThroughHttpErrors() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(3000);
            for (int i = 0; i < n; i++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            String body = sb.toString();
            String message = HttpErrors.fromStatus(SpiHelpersTest.response(500 + random.nextInt(4), body,
                    java.util.Map.of()), null).getMessage();
            String what = "seed " + seed + " (rerun with -Dfuzz.seed=" + seed + "), body of " + n;
            int shown = longestCommonRun(body, message);
            assertThat(shown).as(what).isLessThanOrEqualTo(BodySnippet.MAX_CHARS);
            if (n > 0) {
                assertThat(message).as(what).contains("[body snippet, " + String.format(java.util.Locale.ROOT,
                        "%,d of %,d bytes]", Math.min(n, 200), n));
            }
        }
    }

    /** The length of the longest piece of {@code body} that {@code message} contains. */
    private static int longestCommonRun(String body, String message) {
        int best = 0;
        for (int start = 0; start < body.length(); start++) {
            int len = best + 1;
            while (start + len <= body.length() && message.contains(body.substring(start, start + len))) {
                best = len++;
            }
        }
        return best;
    }
}
