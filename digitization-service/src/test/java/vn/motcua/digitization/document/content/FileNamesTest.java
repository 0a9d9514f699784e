package vn.motcua.digitization.document.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file name is display text only: anything that could act as a path or hide its extension is refused. */
class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"giay-khai-sinh.pdf", "Căn cước công dân (mặt trước).jpg", "scan 2026-12-07.png", "a"})
    void acceptsOrdinaryNames(String name) {
        assertThat(FileNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "../etc/passwd",
                "..",
                "a/b.pdf",
                "C:\\Windows\\x.pdf",
                "report\u0000.pdf",
                "line\nbreak.pdf",
                "tab\t.pdf",
                "del\u007f.pdf",
                "invoice\u202Efdp.exe",
            })
    void refusesPathsControlCharactersAndDisguises(String name) {
        assertThat(FileNames.problem(name)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void refusesNamesOver255Characters() {
        assertThat(FileNames.problem("a".repeat(255))).isEmpty();
        assertThat(FileNames.problem("a".repeat(256))).contains("at most 255 characters");
        // counted in characters, not UTF-16 units or bytes
        assertThat(FileNames.problem("ệ".repeat(255))).isEmpty();
    }
}
