package dev.cicallback.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;

/**
 * A time as CI writes it in callbacks: {@code 2022-06-30T19:33:18+0800} in jobs (offset without a colon, so not an
 * {@code xs:dateTime}), {@code 2022-08-09 14:54:17+0800} (a space for the {@code T}) in workflow callbacks, or
 * {@code -} for a time that has not happened yet.
 *
 * <p>Both bindings use this type, so a timestamp reads as an {@link OffsetDateTime} and writes back exactly the text
 * that was read.
 */
public final class CiTimestamp {

  /** The text CI sends for a time that has not happened (a job not yet started or ended). */
  public static final String NOT_YET = "-";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx").withResolverStyle(ResolverStyle.STRICT);

  private final String text;
  private final OffsetDateTime time;

  private CiTimestamp(String text, OffsetDateTime time) {
    this.text = text;
    this.time = time;
  }

  /**
   * Reads CI's text form.
   *
   * @throws IllegalArgumentException if {@code text} is neither {@code -} nor a real date and time in CI's format
   */
  @JsonCreator
  public static CiTimestamp parse(String text) {
    Objects.requireNonNull(text, "text");
    if (NOT_YET.equals(text)) {
      return new CiTimestamp(text, null);
    }
    try {
      return new CiTimestamp(text, read(text));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not a CI timestamp (yyyy-MM-ddTHH:mm:ss+hhmm, yyyy-MM-dd HH:mm:ss+hhmm or -): " + text, e);
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss±hhmm} (or a space for the {@code T}), read by position: a formatter takes several times
   * as long, for the two forms CI writes. The date, time and offset are checked by the {@code java.time} factories (no February 30, no hour 24).
   */
  private static OffsetDateTime read(String text) {
    if (text.length() != 24
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T' && text.charAt(10) != ' '
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != '+' && text.charAt(19) != '-') {
      throw new DateTimeException("not in CI's form");
    }
    int sign = text.charAt(19) == '+' ? 1 : -1;
    return OffsetDateTime.of(
        digits(text, 0, 4),
        digits(text, 5, 2),
        digits(text, 8, 2),
        digits(text, 11, 2),
        digits(text, 14, 2),
        digits(text, 17, 2),
        0,
        ZoneOffset.ofHoursMinutes(sign * digits(text, 20, 2), sign * digits(text, 22, 2)));
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("not a digit at " + i);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A timestamp for {@code time}, written in CI's format. */
  public static CiTimestamp of(OffsetDateTime time) {
    Objects.requireNonNull(time, "time");
    return new CiTimestamp(FORMAT.format(time), time);
  }

  /** The timestamp CI writes for a time that has not happened. */
  public static CiTimestamp notYet() {
    return new CiTimestamp(NOT_YET, null);
  }

  /** The text form of {@code timestamp}; the print method of the XML binding. */
  public static String print(CiTimestamp timestamp) {
    return timestamp == null ? null : timestamp.text;
  }

  /** The time, or empty for {@code -}. */
  public Optional<OffsetDateTime> toOffsetDateTime() {
    return Optional.ofNullable(time);
  }

  /** Whether this is {@code -}, a time that has not happened. */
  public boolean isNotYet() {
    return time == null;
  }

  /** Exactly the text that was read (or that {@link #of} wrote). */
  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CiTimestamp that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
