package io.github.dp3taskqueue.task;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * DP3's datetimes: read any ISO 8601 form, write the one pydantic writes (PROTOCOL.md §6):
 * seconds always, microseconds as six digits when not zero, UTC as {@code Z}, other offsets as
 * {@code +HH:MM}, and no offset for a naive datetime.
 */
public final class Dp3DateTime {

    private static final DateTimeFormatter LENIENT = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Dp3DateTime() {
    }

    /**
     * The canonical text of an ISO 8601 datetime (a date alone means its midnight).
     *
     * @throws InvalidTaskException naming {@code field} when the text is not a datetime
     */
    public static String canonical(String text, String field) {
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                return write(LocalDate.parse(trimmed).atStartOfDay(), null);
            }
            TemporalAccessor parsed = LENIENT.parse(trimmed);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : null;
            return write(local, offset);
        } catch (DateTimeException e) {
            throw new InvalidTaskException(field + " must be an ISO 8601 datetime; got '" + text + "'", e);
        }
    }

    /** Writes a datetime as DP3 does. */
    public static String write(OffsetDateTime time) {
        return write(time.toLocalDateTime(), time.getOffset());
    }

    private static String write(LocalDateTime local, ZoneOffset offset) {
        StringBuilder out = new StringBuilder(32);
        out.append(local.toLocalDate()).append('T');
        two(out, local.getHour()).append(':');
        two(out, local.getMinute()).append(':');
        two(out, local.getSecond());
        int micros = local.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(micros);
            out.append('.').append("0".repeat(6 - digits.length())).append(digits);
        }
        if (offset != null) {
            out.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
        }
        return out.toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
