package dev.mailleaks.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Message dates as sortable UTC instants. Date headers are RFC 5322 in principle and anything in practice: a
 * missing weekday, a trailing {@code (UTC)} comment, obsolete zone names, single-digit hours.
 */
final class MessageDates {
  private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");
  private static final Pattern WEEKDAY = Pattern.compile("^[A-Za-z]{3},?\\s*");
  private static final Map<String, String> OBSOLETE_ZONES = Map.ofEntries(
      Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("Z", "+0000"),
      Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
      Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));
  private static final DateTimeFormatter RFC5322 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("d MMM ")
      .appendValueReduced(ChronoField.YEAR, 2, 4, 1950)
      .appendPattern(" H:mm[:ss] xx")
      .toFormatter(Locale.ROOT);

  private MessageDates() {}

  /** The instant as ISO-8601 UTC ({@code 2024-01-31T09:15:00Z}), or null when the header cannot be read. */
  static String toUtc(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String text = COMMENT.matcher(header).replaceAll(" ").strip();
    text = WEEKDAY.matcher(text).replaceFirst("").replaceAll("\\s+", " ");
    int lastSpace = text.lastIndexOf(' ');
    if (lastSpace > 0) {
      String zone = OBSOLETE_ZONES.get(text.substring(lastSpace + 1).toUpperCase(Locale.ROOT));
      if (zone != null) {
        text = text.substring(0, lastSpace + 1) + zone;
      }
    }
    try {
      OffsetDateTime parsed = OffsetDateTime.parse(text, RFC5322);
      return DateTimeFormatter.ISO_INSTANT.format(parsed.withOffsetSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
