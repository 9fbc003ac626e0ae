package dev.strata.adapters.rest.posts;

import dev.strata.core.common.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Times in query parameters: a UTC date (its first instant) or an RFC 3339 instant with offset. */
final class Times {

    private Times() {
    }

    /** The instant {@code text} names, truncated to microseconds; or empty, with an error recorded. */
    static Optional<Instant> parse(String field, String text, List<FieldError> invalid) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeException malformed) {
            invalid.add(new FieldError(field, "invalid_time",
                    "'" + text + "' is neither a UTC date (2026-01-01) nor an RFC 3339 instant (2026-01-01T00:00:00Z)"));
            return Optional.empty();
        }
    }
}
