package dev.olaphttp.spi;

import java.time.Duration;

/** A point in time by which a statement must finish, or none. Immutable. */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO);

    private final long deadlineNanos;
    private final Duration budget;

    private Deadline(long deadlineNanos, Duration budget) {
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
    }

    /** No deadline. */
    public static Deadline none() {
        return NONE;
    }

    /** A deadline {@code budget} from now; zero or negative means none. */
    public static Deadline after(Duration budget) {
        if (budget == null || budget.isZero() || budget.isNegative()) {
            return NONE;
        }
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Whether a deadline is set. */
    public boolean isSet() {
        return this != NONE;
    }

    /** The budget this deadline was made from ({@link Duration#ZERO} when none). */
    public Duration budget() {
        return budget;
    }

    /** Time left; {@link Duration#ZERO} once passed; a very long duration when none is set. */
    public Duration remaining() {
        if (!isSet()) {
            return Duration.ofDays(365);
        }
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether the deadline has passed (never, when none is set). */
    public boolean isExpired() {
        return isSet() && deadlineNanos - System.nanoTime() <= 0;
    }

    @Override
    public String toString() {
        return isSet() ? "Deadline{" + budget + ", remaining " + remaining().toMillis() + "ms}" : "Deadline{none}";
    }
}
