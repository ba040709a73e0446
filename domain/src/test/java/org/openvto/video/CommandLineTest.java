package org.openvto.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void blanksSeparateWordsAndQuotesKeepThemTogether() {
        assertThat(CommandLine.split(
                        "  ffmpeg -f lavfi  -i 'testsrc=size=640x360:rate=10' -vf \"drawtext=text=\\\"A B\\\"\" -"))
                .contains(List.of(
                        "ffmpeg",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=640x360:rate=10",
                        "-vf",
                        "drawtext=text=\"A B\"",
                        "-"));
    }

    @Test
    void nothingIsExpandedAsAShellWould() {
        assertThat(CommandLine.split("echo $HOME *.h264 a|b >out; rm"))
                .contains(List.of("echo", "$HOME", "*.h264", "a|b", ">out;", "rm"));
    }

    @Test
    void backslashEscapesAndEmptyQuotesMakeAWord() {
        assertThat(CommandLine.split("a\\ b '' \"\"")).contains(List.of("a b", "", ""));
    }

    @Test
    void anUnclosedQuoteOrATrailingBackslashIsRefused() {
        assertThat(CommandLine.split("ffmpeg 'x")).isEmpty();
        assertThat(CommandLine.split("ffmpeg \"x")).isEmpty();
        assertThat(CommandLine.split("ffmpeg \\")).isEmpty();
    }

    @Test
    void aBlankLineHasNoWords() {
        assertThat(CommandLine.split("   ")).contains(List.of());
    }
}
