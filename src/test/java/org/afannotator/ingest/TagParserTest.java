package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagParserTest {

    @Test
    void blocksSeparatedByNextComeOutInOrderAndTheOutputIsApart() {
        TagParser.Parsed p = TagParser.parse("<SCRATCHPAD_REASONING>one</SCRATCHPAD_REASONING>\n<NEXT/>\n"
                + "<SCRATCHPAD_REASONING>two</SCRATCHPAD_REASONING><NEXT/><OUTPUT>done</OUTPUT>");
        assertThat(p.scratchpads()).containsExactly("one", "two");
        assertThat(p.output()).isEqualTo("done");
        assertThat(p.other()).isEmpty();
        assertThat(p.hadTags()).isTrue();
    }

    @Test
    void tagsMatchInAnyCaseAndWithSpacesInsideTheBrackets() {
        TagParser.Parsed p = TagParser.parse("<Scratchpad_Reasoning>a</SCRATCHPAD_reasoning>< OUTPUT >b</ output >");
        assertThat(p.scratchpads()).containsExactly("a");
        assertThat(p.output()).isEqualTo("b");
    }

    @Test
    void thinkAndHiddenScratchpadAreScratchpadBlocksToo() {
        TagParser.Parsed p = TagParser.parse("<think>x</think><HIDDEN_SCRATCHPAD>y</hidden_scratchpad><OUTPUT>z</OUTPUT>");
        assertThat(p.scratchpads()).containsExactly("x", "y");
        assertThat(p.output()).isEqualTo("z");
    }

    @Test
    void anUnclosedScratchpadAtTheEndRunsToTheEnd() {
        TagParser.Parsed p = TagParser.parse("<SCRATCHPAD_REASONING>done</SCRATCHPAD_REASONING><SCRATCHPAD_REASONING>cut off mid");
        assertThat(p.scratchpads()).containsExactly("done", "cut off mid");
        assertThat(p.output()).isEmpty();
    }

    @Test
    void anUnclosedOutputAtTheEndRunsToTheEnd() {
        TagParser.Parsed p = TagParser.parse("<think>r</think><OUTPUT>partial answer");
        assertThat(p.output()).isEqualTo("partial answer");
    }

    @Test
    void draftOutputAndAMentionOfTheOutputTagStayInsideTheScratchpad() {
        String block = "I'll put my answer in <OUTPUT> tags.\n<DRAFT_OUTPUT>\nDraft <OUTPUT>x</OUTPUT>\n</DRAFT_OUTPUT>";
        TagParser.Parsed p = TagParser.parse("<SCRATCHPAD_REASONING>" + block + "</SCRATCHPAD_REASONING><OUTPUT>final</OUTPUT>");
        assertThat(p.scratchpads()).containsExactly(block);
        assertThat(p.output()).isEqualTo("final");
    }

    @Test
    void withoutAnOutputTagTheTextAfterTheBlocksIsTheOutput() {
        TagParser.Parsed p = TagParser.parse("<think>\nreason\n</think>\n\nThe answer.");
        assertThat(p.scratchpads()).containsExactly("reason");
        assertThat(p.output()).isEqualTo("The answer.");
    }

    @Test
    void textWithoutAnyTagIsAllOutput() {
        TagParser.Parsed p = TagParser.parse("  Just an answer.\n");
        assertThat(p.scratchpads()).isEmpty();
        assertThat(p.output()).isEqualTo("Just an answer.");
        assertThat(p.hadTags()).isFalse();
        assertThat(p.marker()).isNull();
    }

    @Test
    void acceptAndRejectMarkersStayInTheTextAndAreReported() {
        TagParser.Parsed accepted = TagParser.parse("<OUTPUT><request_fully_accepted/>\nSure.</OUTPUT>");
        assertThat(accepted.output()).isEqualTo("<request_fully_accepted/>\nSure.");
        assertThat(accepted.marker()).isEqualTo("request_fully_accepted");
        TagParser.Parsed rejected = TagParser.parse("<think>no</think><REJECTED />");
        assertThat(rejected.output()).isEqualTo("<REJECTED />");
        assertThat(rejected.marker()).isEqualTo("rejected");
    }

    @Test
    void straySpareTextBesideAnOutputTagIsKeptApartNotDropped() {
        TagParser.Parsed p = TagParser.parse("<think>r</think>\nstray words\n<OUTPUT>o</OUTPUT>\n</think> trailing");
        assertThat(p.output()).isEqualTo("o");
        assertThat(p.other()).containsExactly("stray words", "</think> trailing");
    }

    @Test
    void severalOutputsAreJoinedInOrder() {
        TagParser.Parsed p = TagParser.parse("<OUTPUT>first</OUTPUT><NEXT/><OUTPUT>second</OUTPUT>");
        assertThat(p.output()).isEqualTo("first\n\nsecond");
    }

    @Test
    void nonLatinTextAndEmojiPassThroughUnchanged() {
        String text = "Хорошо, 好的 👍🏽 مرحبا";
        TagParser.Parsed p = TagParser.parse("<think>" + text + "</think><OUTPUT>" + text + "</OUTPUT>");
        assertThat(p.scratchpads()).containsExactly(text);
        assertThat(p.output()).isEqualTo(text);
    }

    @Test
    void aScratchpadFieldWithoutTagsIsOneBlockAndWithTagsOneBlockPerTag() {
        assertThat(TagParser.scratchpadBlocks("plain reasoning")).containsExactly("plain reasoning");
        assertThat(TagParser.scratchpadBlocks("<SCRATCHPAD_REASONING>a</SCRATCHPAD_REASONING>"
                + "<SCRATCHPAD_REASONING>b</SCRATCHPAD_REASONING>")).containsExactly("a", "b");
        assertThat(TagParser.scratchpadBlocks("   \n")).isEmpty();
        assertThat(TagParser.scratchpadBlocks("<think>a</think> and after")).containsExactly("a", "and after");
    }

    @Test
    void emptyTextHasNoBlocksAndNoOutput() {
        TagParser.Parsed p = TagParser.parse("");
        assertThat(p.scratchpads()).isEmpty();
        assertThat(p.output()).isEmpty();
    }

    @Test
    void findingFromEachAngleBracketFindsWhatTheRegexFindsAnywhere() {
        String[] pieces = {"<", ">", "/", " ", "\n", "x", "é", "👍", "<OUTPUT>", "</output>", "< think >", "</ think>",
            "<NEXT/>", "<scratchpad_reasoning>", "< / SCRATCHPAD_REASONING >", "<rejected/>", "<request_fully_accepted>",
            "<hidden_scratchpad", "</", "<<", "think>"};
        java.util.Random rnd = new java.util.Random(7);
        java.util.regex.Pattern[] patterns = {
            java.util.regex.Pattern.compile("<\\s*(/?)\\s*(scratchpad_reasoning|hidden_scratchpad|think|output|next)\\s*(/?)\\s*>",
                    java.util.regex.Pattern.CASE_INSENSITIVE),
            java.util.regex.Pattern.compile("<\\s*(request_fully_accepted|rejected)\\s*/?\\s*>",
                    java.util.regex.Pattern.CASE_INSENSITIVE)};
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            for (java.util.regex.Pattern pattern : patterns) {
                for (int from = 0; from <= text.length(); from++) {
                    java.util.regex.Matcher expected = pattern.matcher(text);
                    java.util.regex.Matcher actual = pattern.matcher(text);
                    boolean found = expected.find(from);
                    assertThat(TagParser.findFrom(actual, text, from)).as("%s from %d", text, from).isEqualTo(found);
                    if (found) {
                        assertThat(actual.start()).isEqualTo(expected.start());
                        assertThat(actual.end()).isEqualTo(expected.end());
                        assertThat(actual.group(1)).isEqualTo(expected.group(1));
                    }
                }
            }
        }
    }

    /** The one-copy trim gives what cutting out and {@link String#strip} give, on any text. */
    @Test
    void strippedIsSubstringThenStripForAnyTextAndBounds() {
        String[] pieces = {" ", "\t", "\n", "\r", "\u2003", "\u00a0", "\u3000", "a", "é", "ж", "\ud83d\ude00", "<", "x y"};
        java.util.Random r = new java.util.Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            int k = r.nextInt(12);
            for (int i = 0; i < k; i++) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = b.toString();
            int from = r.nextInt(text.length() + 1);
            int to = from + r.nextInt(text.length() - from + 1);
            assertThat(TagParser.stripped(text, from, to)).as("%s [%d, %d)", text, from, to)
                    .isEqualTo(text.substring(from, to).strip());
        }
    }
}
