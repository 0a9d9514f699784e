package vn.motcua.report.indicator.domain;

import java.util.List;
import java.util.Optional;

/** A validated Decision 766 rule set (see {@link RuleSetJson} for its JSON form and rules). */
public record RuleSet(List<RuleGroup> groups) {

    public RuleSet {
        groups = List.copyOf(groups);
    }

    /** The indicator with this id (ids are unique across the whole set). */
    public Optional<IndicatorRule> indicator(String id) {
        return groups.stream()
                .flatMap(g -> g.indicators().stream())
                .filter(i -> i.id().equals(id))
                .findFirst();
    }
}
