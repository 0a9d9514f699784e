package vn.motcua.dossier.common;

import java.util.Set;

/**
 * Text a person typed, as it must show on screen and on printed forms: any letter, mark, digit, punctuation, symbol
 * or space (Vietnamese in precomposed or combining form included), plus line breaks and tabs. Refused: controls,
 * invisible format characters (zero-width spaces and joiners, word joiner, byte-order mark, bidirectional overrides),
 * line and paragraph separators (U+2028, U+2029), private use, surrogates without their pair, unassigned code points
 * and noncharacters, U+FFFD (the mark of text that was decoded wrongly), and the letters and symbols that render as
 * nothing (Hangul fillers, the blank Braille pattern), with which a name can look filled in and be empty.
 */
public final class PrintableText {

    private static final Set<Integer> BLANK_LOOKING = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);
    private static final int REPLACEMENT = 0xFFFD;

    private PrintableText() {}

    public static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            switch (Character.getType(c)) {
                case Character.CONTROL,
                        Character.FORMAT,
                        Character.PRIVATE_USE,
                        Character.SURROGATE,
                        Character.UNASSIGNED,
                        Character.LINE_SEPARATOR,
                        Character.PARAGRAPH_SEPARATOR -> {
                    return false;
                }
                default -> {
                    if (c == REPLACEMENT || BLANK_LOOKING.contains(c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
