package vn.motcua.payment.reconciliation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementFileTest {

    private static final String HEADER = "order_ref,transaction_no,amount,currency,pay_date,status\n";

    @Test
    void readsTheProvidersFileWithCrlfQuotesAndABom() {
        String csv = "\uFEFForder_ref,transaction_no,amount,currency,pay_date,status\r\n"
                + "PAY-AAAA-1,14001234,20000,VND,20261207093512,00\r\n"
                + "\"PAY-BBBB-2\",14001235,\"350000\",VND,20261207235959,00\r\n";

        List<SettlementLine> lines = SettlementFile.parse(bytes(csv));

        assertThat(lines)
                .containsExactly(
                        new SettlementLine(
                                2,
                                "PAY-AAAA-1",
                                "14001234",
                                20_000,
                                "VND",
                                LocalDateTime.of(2026, 12, 7, 9, 35, 12),
                                "00"),
                        new SettlementLine(
                                3,
                                "PAY-BBBB-2",
                                "14001235",
                                350_000,
                                "VND",
                                LocalDateTime.of(2026, 12, 7, 23, 59, 59),
                                "00"));
    }

    @Test
    void aDayWithoutPaymentsIsJustTheHeader() {
        assertThat(SettlementFile.parse(bytes(HEADER))).isEmpty();
        assertThat(SettlementFile.parse(bytes(HEADER.strip()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "decimal amount|PAY-A-1,1,20000.5,VND,20261207093512,00|amount",
                "amount with thousands separator|PAY-A-1,1,\"20,000\",VND,20261207093512,00|amount",
                "zero amount|PAY-A-1,1,0,VND,20261207093512,00|amount",
                "negative amount|PAY-A-1,1,-20000,VND,20261207093512,00|amount",
                "amount with spaces|PAY-A-1,1, 20000,VND,20261207093512,00|amount",
                "other currency|PAY-A-1,1,20000,USD,20261207093512,00|currency",
                "lowercase currency|PAY-A-1,1,20000,vnd,20261207093512,00|currency",
                "date without seconds|PAY-A-1,1,20000,VND,202612070935,00|pay_date",
                "impossible date|PAY-A-1,1,20000,VND,20260230093512,00|pay_date",
                "iso date|PAY-A-1,1,20000,VND,2026-12-07T09:35:12,00|pay_date",
                "failed payment|PAY-A-1,1,20000,VND,20261207093512,24|status",
                "bad order_ref|PAY A 1,1,20000,VND,20261207093512,00|order_ref",
                "empty transaction_no|PAY-A-1,,20000,VND,20261207093512,00|transaction_no",
                "too few fields|PAY-A-1,1,20000,VND,20261207093512|fields",
                "too many fields|PAY-A-1,1,20000,VND,20261207093512,00,x|fields",
            })
    void aBadLineRejectsTheFileWithItsLineNumber(String name, String badLine, String mentions) {
        String csv = HEADER + "PAY-GOOD-1,9,10000,VND,20261207080000,00\n" + badLine + "\n"
                + "PAY-GOOD-2,10,10000,VND,20261207080000,00\n";

        assertThatThrownBy(() -> SettlementFile.parse(bytes(csv)))
                .isInstanceOfSatisfying(
                        InvalidSettlementFile.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("line 3: ")
                .hasMessageContaining(mentions);
    }

    @Test
    void lineNumbersCountBlankLines() {
        String csv = HEADER + "\nPAY-GOOD-1,9,10000,VND,20261207080000,00\n\nPAY-BAD-1,9,1.5,VND,20261207080000,00\n";

        assertThatThrownBy(() -> SettlementFile.parse(bytes(csv))).hasMessageStartingWith("line 5: ");
    }

    @Test
    void theSameOrderTwiceRejectsTheFile() {
        String csv = HEADER + "PAY-A-1,1,10000,VND,20261207080000,00\nPAY-A-1,2,10000,VND,20261207080000,00\n";

        assertThatThrownBy(() -> SettlementFile.parse(bytes(csv)))
                .hasMessage("line 3: order_ref PAY-A-1 is listed twice");
    }

    @Test
    void aWrongHeaderOrNoHeaderRejectsTheFileAtLineOne() {
        assertThatThrownBy(() -> SettlementFile.parse(bytes("order_ref,amount\nPAY-A-1,1\n")))
                .isInstanceOfSatisfying(
                        InvalidSettlementFile.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("header");
        assertThatThrownBy(() -> SettlementFile.parse(bytes("PAY-A-1,1,10000,VND,20261207080000,00\n")))
                .hasMessageStartingWith("line 1: ");
        assertThatThrownBy(() -> SettlementFile.parse(bytes("\n\n"))).hasMessageContaining("header");
    }

    @Test
    void aFileThatIsNotUtf8OrNotCsvIsRejected() {
        byte[] latin1 = (HEADER + "PAY-A-1,1,10000,VND,20261207080000,00,é\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SettlementFile.parse(latin1)).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> SettlementFile.parse(bytes(HEADER + "\"PAY-A-1,1,10000,VND,20261207080000,00\n")))
                .isInstanceOf(InvalidSettlementFile.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
