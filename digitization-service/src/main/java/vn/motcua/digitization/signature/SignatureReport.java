package vn.motcua.digitization.signature;

import java.util.List;

/** @param summary Vietnamese, for the officer */
public record SignatureReport(SignatureVerdict verdict, String summary, List<SignerInfo> signatures) {

    public SignatureReport {
        signatures = List.copyOf(signatures);
    }

    public boolean isValid() {
        return verdict == SignatureVerdict.VALID;
    }
}
