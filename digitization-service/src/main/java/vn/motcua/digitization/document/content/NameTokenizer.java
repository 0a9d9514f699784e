package vn.motcua.digitization.document.content;

import java.util.function.Consumer;

/**
 * The name tokens of PDF object syntax fed in pieces (the inflated bytes of an object stream arrive a buffer at a
 * time), outside literal strings and comments, each handed on with its {@code #xx} escapes decoded. Memory is one
 * name of at most 64 characters; longer names are cut, which no name we look for is.
 */
final class NameTokenizer {

    private enum State {
        OFF,
        NORMAL,
        COMMENT,
        STRING,
        STRING_ESCAPE,
        NAME
    }

    private static final int MAX_NAME = 64;

    private final Consumer<String> names;
    private final StringBuilder name = new StringBuilder();
    private State state = State.OFF;
    private int stringDepth;

    NameTokenizer(Consumer<String> names) {
        this.names = names;
    }

    /** Starts a new stream; {@code on} false ignores everything until the next reset. */
    void reset(boolean on) {
        state = on ? State.NORMAL : State.OFF;
        name.setLength(0);
        stringDepth = 0;
    }

    /** The stream ended: a name still being read is complete. */
    void end() {
        if (state == State.NAME) {
            names.accept(PdfRawScanner.decodeName(name));
        }
        reset(false);
    }

    void accept(byte[] bytes, int length) {
        if (state == State.OFF) {
            return;
        }
        for (int i = 0; i < length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    private void accept(int b) {
        switch (state) {
            case COMMENT -> {
                if (b == '\n' || b == '\r') {
                    state = State.NORMAL;
                }
            }
            case STRING_ESCAPE -> state = State.STRING;
            case STRING -> {
                if (b == '\\') {
                    state = State.STRING_ESCAPE;
                } else if (b == '(') {
                    stringDepth++;
                } else if (b == ')' && --stringDepth == 0) {
                    state = State.NORMAL;
                }
            }
            case NAME -> {
                if (PdfRawScanner.isWhite(b) || PdfRawScanner.isDelimiter(b)) {
                    names.accept(PdfRawScanner.decodeName(name));
                    name.setLength(0);
                    state = State.NORMAL;
                    normal(b);
                } else if (name.length() < MAX_NAME) {
                    name.append((char) b);
                }
            }
            case NORMAL -> normal(b);
            case OFF -> {
                // not tokenizing this stream
            }
        }
    }

    private void normal(int b) {
        if (b == '%') {
            state = State.COMMENT;
        } else if (b == '(') {
            state = State.STRING;
            stringDepth = 1;
        } else if (b == '/') {
            state = State.NAME;
        }
    }
}
