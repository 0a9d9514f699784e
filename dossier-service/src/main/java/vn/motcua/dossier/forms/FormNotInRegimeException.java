package vn.motcua.dossier.forms;

/**
 * Thrown when a form type has no template in the requested form set, e.g. the stop notice
 * ("Thông báo dừng giải quyết hồ sơ"), which only Circular 03/2025 defines. A dedicated type
 * lets callers tell "wrong regime configuration" apart from bad input data.
 */
public class FormNotInRegimeException extends IllegalArgumentException {

    private final FormType formType;
    private final FormRegime regime;

    public FormNotInRegimeException(FormType formType, FormRegime regime) {
        super("Form " + formType + " (" + formType.anyTitle() + ") does not exist under "
                + regime + " (" + regime.circular() + "); it is only defined by "
                + formType.definedIn() + ".");
        this.formType = formType;
        this.regime = regime;
    }

    public FormType formType() {
        return formType;
    }

    public FormRegime regime() {
        return regime;
    }
}
