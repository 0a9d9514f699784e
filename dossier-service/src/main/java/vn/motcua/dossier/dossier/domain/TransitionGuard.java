package vn.motcua.dossier.dossier.domain;

/**
 * Business preconditions attached to table rows, evaluated in row order after the role and scope checks.
 * An enum rather than lambdas so the table stays printable and comparable.
 */
public enum TransitionGuard {
    SUPPLEMENT_WINDOW_OPEN {
        @Override
        GuardFailure check(DossierFacts facts) {
            return facts.withinSupplementWindow() ? null : GuardFailure.SUPPLEMENT_WINDOW_CLOSED;
        }
    },
    EXTENSION_NOT_USED {
        @Override
        GuardFailure check(DossierFacts facts) {
            return facts.extensionUsed() ? GuardFailure.EXTENSION_ALREADY_USED : null;
        }
    },
    EXTENSION_IN_TIME {
        @Override
        GuardFailure check(DossierFacts facts) {
            return facts.atLeastOneWorkingDayBeforeDue() ? null : GuardFailure.EXTENSION_TOO_LATE;
        }
    },
    REGIME_ALLOWS_STOP {
        @Override
        GuardFailure check(DossierFacts facts) {
            return facts.regime().allowsStop() ? null : GuardFailure.REGIME_DISALLOWS_STOP;
        }
    },
    NO_RESULT_ISSUED {
        @Override
        GuardFailure check(DossierFacts facts) {
            return facts.resultIssued() ? GuardFailure.RESULT_ALREADY_ISSUED : null;
        }
    };

    /** @return the failure, or null when the guard passes */
    abstract GuardFailure check(DossierFacts facts);
}
