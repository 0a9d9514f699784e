package vn.motcua.e2e;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The expected status of every {@link Subject} for one route, written as
 * {@code expect(NONE, 401).and(CITIZEN, 200).otherwise(403)}. {@link #questionable} marks a cell whose status is
 * what the system answers today but which the lead should look at; it is asserted like any other cell and listed
 * separately in the test's output.
 */
final class Expect {

    private final Map<Subject, Integer> status = new EnumMap<>(Subject.class);
    private final Map<Subject, String> questions = new LinkedHashMap<>();

    private Expect() {}

    static Expect expect(Subject subject, int code) {
        return new Expect().and(subject, code);
    }

    static Expect expect(Set<Subject> subjects, int code) {
        return new Expect().and(subjects, code);
    }

    /** Every subject, token or not, gets the same answer (public routes). */
    static Expect everyone(int code) {
        return new Expect().otherwise(code);
    }

    Expect and(Subject subject, int code) {
        if (status.putIfAbsent(subject, code) != null) {
            throw new IllegalArgumentException(subject + " given twice");
        }
        return this;
    }

    Expect and(Set<Subject> subjects, int code) {
        subjects.forEach(s -> and(s, code));
        return this;
    }

    Expect questionable(Subject subject, int code, String why) {
        questions.put(subject, why);
        return and(subject, code);
    }

    /** Every subject not named so far. */
    Expect otherwise(int code) {
        for (Subject s : Subject.values()) {
            status.putIfAbsent(s, code);
        }
        return this;
    }

    int status(Subject subject) {
        Integer code = status.get(subject);
        if (code == null) {
            throw new IllegalStateException("no expectation for " + subject + ": end the row with otherwise(...)");
        }
        return code;
    }

    Map<Subject, String> questions() {
        return Collections.unmodifiableMap(questions);
    }
}
