package vn.motcua.dossier.calendar.repository;

import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.WorkCalendar;

/** Builds the deadline calculator of a unit from the maintained holiday table (standard weekly sessions). */
@Singleton
public class DeadlineCalculators {

    private final CalendarRepository calendars;

    public DeadlineCalculators(CalendarRepository calendars) {
        this.calendars = calendars;
    }

    public DeadlineCalculator forUnit(String unitCode) {
        return new DeadlineCalculator(WorkCalendar.standard(calendars.overridesFor(unitCode)));
    }
}
