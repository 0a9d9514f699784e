package vn.motcua.dossier.feedback.domain;

/**
 * Whether each step done so far met its deadline; null for a step not (yet) done. What the 766 indicator
 * PETITION_PROCESSING_ON_TIME counts, recorded at the moment of the step with the unit's calendar of that moment.
 *
 * @param classifiedInTime refused within 2 working days of reception (NOT_ACCEPTED), or classified within the
 *                         5 working days of Decree 20/2008 Art 9 (every other class)
 * @param forwardedInTime  forwarded within 5 working days of reception
 * @param answeredInTime   answered within the answer limit (15 working days by default) of reception
 * @param publishedInTime  published within 2 working days of the answer
 */
public record Timeliness(
        Boolean classifiedInTime, Boolean forwardedInTime, Boolean answeredInTime, Boolean publishedInTime) {

    public static final Timeliness NONE = new Timeliness(null, null, null, null);

    Timeliness classified(boolean inTime) {
        return new Timeliness(inTime, forwardedInTime, answeredInTime, publishedInTime);
    }

    Timeliness forwarded(boolean inTime) {
        return new Timeliness(classifiedInTime, inTime, answeredInTime, publishedInTime);
    }

    Timeliness answered(boolean inTime) {
        return new Timeliness(classifiedInTime, forwardedInTime, inTime, publishedInTime);
    }

    Timeliness published(boolean inTime) {
        return new Timeliness(classifiedInTime, forwardedInTime, answeredInTime, inTime);
    }
}
