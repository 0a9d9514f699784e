package vn.motcua.report.indicator.service;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.indicator.domain.IndicatorPeriod;
import vn.motcua.report.indicator.domain.RulePin;
import vn.motcua.report.indicator.domain.RuleSet;
import vn.motcua.report.indicator.domain.RuleSetJson;
import vn.motcua.report.indicator.domain.RuleVersion;
import vn.motcua.report.indicator.domain.RuleVersions;
import vn.motcua.report.indicator.repository.IndicatorRuleRepository;
import vn.motcua.report.indicator.repository.IndicatorRuleRepository.VersionRow;
import vn.motcua.report.period.domain.ReportPeriods;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.scope.repository.UnitTreeRepository;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/**
 * Rule versions and pins: which rule set a (unit, period, subtree) is computed with. Version 1 is the default rule set
 * (resource {@value #DEFAULT_RESOURCE}), stored the first time anything asks for versions; later versions are
 * published by a root unit's admin. A period is pinned to the version effective for it the first time its scores are
 * computed and keeps it until RecomputeIndicators re-pins it on purpose.
 */
@Singleton
public class IndicatorRules {

    public static final String DEFAULT_RESOURCE = "indicators/rules-766-default.json";
    static final String SYSTEM = "system";
    static final String DEFAULT_REASON = "Bộ chỉ số mặc định của MotCua theo Quyết định 766/QĐ-TTg (domain.md 8, 18.1)";
    public static final int MAX_REASON = 1000;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final int PUBLISH_ATTEMPTS = 3;

    private final IndicatorRuleRepository repository;
    private final ReportScope scope;
    private final UnitTreeRepository units;
    private final Map<Integer, RuleVersion> parsed = new ConcurrentHashMap<>();
    private volatile boolean defaultStored;

    public IndicatorRules(IndicatorRuleRepository repository, ReportScope scope, UnitTreeRepository units) {
        this.repository = repository;
        this.scope = scope;
        this.units = units;
    }

    /** The default rule set's canonical JSON, read from the resource. */
    public static String defaultRulesJson() {
        try (InputStream in = IndicatorRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return RuleSetJson.write(RuleSetJson.parse(json, DEFAULT_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every version, newest first (version 1 stored first if the table is empty). */
    public List<RuleVersion> versions() {
        List<VersionRow> rows = repository.versions();
        if (rows.isEmpty() && !defaultStored) {
            // a concurrent first reader may insert it too: the primary key keeps exactly one
            repository.insert(new VersionRow(
                    1,
                    ResolvedPeriod.monthKey(RuleVersions.DEFAULT_EFFECTIVE_FROM),
                    defaultRulesJson(),
                    SYSTEM,
                    now(),
                    DEFAULT_REASON));
            rows = repository.versions();
        }
        defaultStored = true;
        return rows.stream().map(this::parsed).toList();
    }

    /** The version a period gets when it is first computed. */
    public RuleVersion effectiveFor(IndicatorPeriod period) {
        List<RuleVersion> all = versions();
        return RuleVersions.effectiveFor(all, period.firstMonth()).orElse(all.get(all.size() - 1));
    }

    /** The pinned version, pinning the effective one now if this is the first computation. */
    public RuleVersion pinnedOrPin(RulePin pin, IndicatorPeriod period, String by) {
        var existing = repository.pin(pin);
        if (existing.isPresent()) {
            return version(existing.get().version());
        }
        RuleVersion effective = effectiveFor(period);
        return version(repository.pinIfAbsent(pin, effective.version(), by, now()));
    }

    /** The pinned version, or the one a first computation would pin; writes nothing. */
    public RuleVersion pinnedOrEffective(RulePin pin, IndicatorPeriod period) {
        return repository.pin(pin).map(p -> version(p.version())).orElseGet(() -> effectiveFor(period));
    }

    /** Re-pins to the version effective now for the period (RecomputeIndicators). */
    public RuleVersion repin(RulePin pin, IndicatorPeriod period, String by, String reason) {
        RuleVersion effective = effectiveFor(period);
        repository.repin(pin, effective.version(), by, now(), reason);
        return effective;
    }

    /**
     * PublishIndicatorRules: a unit_admin of a root unit (no parent) publishes version n+1.
     *
     * @throws DomainException PERMISSION_DENIED for anyone else; INVALID_ARGUMENT listing every bad field
     */
    public RuleVersion publish(Caller caller, String effectiveFromMonth, String rulesJson, String reason) {
        UnitNode unit = scope.actingFor(caller, Roles.UNIT_ADMIN, "");
        if (!isRoot(unit)) {
            throw DomainException.permissionDenied(
                    "only a unit_admin of a root unit (the province) publishes the rules");
        }
        List<FieldViolation> violations = new ArrayList<>();
        YearMonth from = month(effectiveFromMonth, violations);
        String why = reason(reason, "reason", violations);
        RuleSet rules = null;
        try {
            rules = RuleSetJson.parse(rulesJson, "rules_json");
        } catch (DomainException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        String canonical = RuleSetJson.write(rules);
        for (int attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
            int next = versions().get(0).version() + 1;
            VersionRow row =
                    new VersionRow(next, ResolvedPeriod.monthKey(from), canonical, username(caller), now(), why);
            if (repository.insert(row)) {
                return parsed(row);
            }
        }
        throw DomainException.ruleViolated(
                "CONCURRENT_PUBLICATION", "another rule version was being published at the same time; try again");
    }

    /** A required free-text reason: 1-{@value #MAX_REASON} characters. */
    public static String reason(String reason, String field, List<FieldViolation> violations) {
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
            return null;
        }
        if (reason.length() > MAX_REASON) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_REASON + " characters"));
            return null;
        }
        return reason.strip();
    }

    public static String username(Caller caller) {
        String name = caller.username() == null || caller.username().isBlank() ? caller.subject() : caller.username();
        return name == null ? "unknown" : name.length() > 128 ? name.substring(0, 128) : name;
    }

    private static YearMonth month(String text, List<FieldViolation> violations) {
        String field = "effective_from_month";
        if (text == null || !MONTH.matcher(text).matches()) {
            violations.add(new FieldViolation(field, "must be a month YYYY-MM"));
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < ReportPeriods.MIN_YEAR || month.getYear() > ReportPeriods.MAX_YEAR) {
                violations.add(new FieldViolation(
                        field, "must lie between " + ReportPeriods.MIN_YEAR + " and " + ReportPeriods.MAX_YEAR));
                return null;
            }
            return month;
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be a month YYYY-MM"));
            return null;
        }
    }

    /** Now, at the database's precision (DATETIME(6)), so what is answered equals what is read back later. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private boolean isRoot(UnitNode unit) {
        // the closure names every ancestor: a root has only itself; an unknown unit has nothing and is no root
        Set<String> ancestors = units.ancestorsOf(unit.code());
        return ancestors.equals(Set.of(unit.code())) && unit.parent() == null;
    }

    private RuleVersion version(int number) {
        RuleVersion cached = parsed.get(number);
        if (cached != null) {
            return cached;
        }
        return versions().stream()
                .filter(v -> v.version() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("pinned rule version " + number + " is missing"));
    }

    private RuleVersion parsed(VersionRow row) {
        return parsed.computeIfAbsent(
                row.version(),
                n -> new RuleVersion(
                        row.version(),
                        YearMonth.of(row.effectiveFromMonth() / 100, row.effectiveFromMonth() % 100),
                        row.rulesJson(),
                        RuleSetJson.parse(row.rulesJson(), "indicator_rule_version " + n),
                        row.publishedBy(),
                        row.publishedAt(),
                        row.reason()));
    }
}
