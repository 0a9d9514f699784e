package vn.motcua.payment.reconciliation.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the provider's settlement CSV strictly: a wrong header, an amount that is not a whole number of đồng, a
 * currency other than VND, a bad pay_date, a status other than 00 (the file lists successful payments only) or an
 * order listed twice rejects the whole file with its line number, so a half-read file is never reconciled.
 */
public final class SettlementFile {

    public static final List<String> HEADER =
            List.of("order_ref", "transaction_no", "amount", "currency", "pay_date", "status");

    private static final Pattern ORDER_REF = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern TRANSACTION_NO = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Positive whole đồng; 15 digits is far above any fee and well inside a long. */
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,14}");

    private static final DateTimeFormatter PAY_DATE =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private SettlementFile() {}

    public static List<SettlementLine> parse(byte[] csv) {
        String text = utf8(csv);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<SettlementLine> lines = new ArrayList<>();
        Set<String> orders = new HashSet<>();
        boolean header = false;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                // line of the record's start: records never span lines in a valid file (no field may hold one)
                int line = (int) parser.getCurrentLineNumber();
                if (!header) {
                    if (!record.toList().equals(HEADER)) {
                        throw new InvalidSettlementFile(line, "the header must be " + String.join(",", HEADER));
                    }
                    header = true;
                    continue;
                }
                SettlementLine parsed = line(record, line);
                if (!orders.add(parsed.orderRef())) {
                    throw new InvalidSettlementFile(line, "order_ref " + parsed.orderRef() + " is listed twice");
                }
                lines.add(parsed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports malformed quoting this way
            throw new InvalidSettlementFile(0, "not a valid CSV file (" + e.getMessage() + ")");
        }
        if (!header) {
            throw new InvalidSettlementFile(
                    1, "the file is empty: the header " + String.join(",", HEADER) + " is missing");
        }
        return List.copyOf(lines);
    }

    private static SettlementLine line(CSVRecord record, int line) {
        if (record.size() != HEADER.size()) {
            throw new InvalidSettlementFile(line, "expected " + HEADER.size() + " fields, found " + record.size());
        }
        String orderRef = record.get(0);
        String transactionNo = record.get(1);
        String amount = record.get(2);
        String currency = record.get(3);
        String payDate = record.get(4);
        String status = record.get(5);
        if (!ORDER_REF.matcher(orderRef).matches()) {
            throw new InvalidSettlementFile(line, "order_ref must be 1 to 64 of A-Z, a-z, 0-9 and -");
        }
        if (!TRANSACTION_NO.matcher(transactionNo).matches()) {
            throw new InvalidSettlementFile(line, "transaction_no must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (!AMOUNT.matcher(amount).matches()) {
            throw new InvalidSettlementFile(
                    line, "amount must be a positive whole number of đồng, not '" + amount + "'");
        }
        if (!currency.equals("VND")) {
            throw new InvalidSettlementFile(line, "currency must be VND, not '" + currency + "'");
        }
        LocalDateTime paid;
        try {
            paid = LocalDateTime.parse(payDate, PAY_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidSettlementFile(line, "pay_date must be yyyyMMddHHmmss, not '" + payDate + "'");
        }
        if (!status.equals("00")) {
            throw new InvalidSettlementFile(line, "status must be 00 (the file lists successful payments only)");
        }
        return new SettlementLine(line, orderRef, transactionNo, Long.parseLong(amount), currency, paid, status);
    }

    private static String utf8(byte[] csv) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSettlementFile(0, "the file is not UTF-8 text");
        }
    }
}
