package dev.olaphttp.clickhouse.internal.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offset changes that old servers (measured on 18.16) get wrong when they turn local-time text into instants and
 * back: changes by a fraction of an hour (Australia/Lord_Howe: 2015-04-04T15:00:11Z written as 01:00:11, not
 * 01:30:11) and changes at local midnight (America/Sao_Paulo: 2012-10-21T04:00Z written as 01:00, not 02:00).
 * Local-time text within two days of such a change is not trusted either way: the decoders refuse it and
 * parameters are sent as epoch seconds.
 */
public final class ZoneQuirks {
    private static final long WINDOW = 2 * 86_400;
    private static final Map<ZoneId, Boolean> IRREGULAR = new ConcurrentHashMap<>();

    private ZoneQuirks() {
    }

    /** Whether the zone has such changes since 1970 or by its rules (decided once per zone). */
    public static boolean hasIrregularChanges(ZoneId zone) {
        return IRREGULAR.computeIfAbsent(zone, z -> {
            ZoneRules rules = z.getRules();
            for (ZoneOffsetTransition t : rules.getTransitions()) {
                if (t.getInstant().getEpochSecond() >= 0 && irregular(t)) {
                    return true;
                }
            }
            for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
                if (irregular(r.createTransition(2030))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether such a change of the zone is less than two days from the instant. */
    public static boolean nearIrregularChange(ZoneId zone, long epochSecond) {
        if (!hasIrregularChanges(zone)) {
            return false;
        }
        ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochSecond(epochSecond - WINDOW));
        return next != null && next.getInstant().getEpochSecond() <= epochSecond + WINDOW && irregular(next);
    }

    /**
     * Whether any offset change of the zone is less than two days from the instant: where the parameters avoid
     * local-time text altogether, to depend on no server's handling of the change.
     */
    public static boolean nearAnyChange(ZoneId zone, long epochSecond) {
        if (zone.getRules().isFixedOffset()) {
            return false;
        }
        ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochSecond(epochSecond - WINDOW));
        return next != null && next.getInstant().getEpochSecond() <= epochSecond + WINDOW;
    }

    private static boolean irregular(ZoneOffsetTransition t) {
        return t.getDuration().getSeconds() % 3600 != 0 || t.getDateTimeBefore().getHour() == 0
                || t.getDateTimeAfter().getHour() == 0 || t.getDateTimeBefore().getHour() == 23;
    }
}
