package vn.motcua.payment.reconciliation.domain;

/** The settlement file breaks the format; {@code line} is 0 when the problem is the file as a whole. */
public final class InvalidSettlementFile extends RuntimeException {

    private final int line;

    public InvalidSettlementFile(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
