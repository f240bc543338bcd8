package dev.cicallback.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;

/**
 * A time as CI writes it in callbacks: {@code 2022-06-30T19:33:18+0800} (offset without a colon, so not an
 * {@code xs:dateTime}), or {@code -} for a time that has not happened yet.
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
      return new CiTimestamp(text, OffsetDateTime.parse(text, FORMAT));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not a CI timestamp (yyyy-MM-ddTHH:mm:ss+hhmm or -): " + text, e);
    }
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
