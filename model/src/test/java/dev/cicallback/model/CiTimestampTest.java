package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CiTimestampTest {

  @Test
  void reads_an_offset_without_colon_and_writes_it_back_unchanged() {
    CiTimestamp timestamp = CiTimestamp.parse("2022-06-30T19:33:18+0800");

    assertEquals(
        OffsetDateTime.of(2022, 6, 30, 19, 33, 18, 0, ZoneOffset.ofHours(8)),
        timestamp.toOffsetDateTime().orElseThrow());
    assertEquals("2022-06-30T19:33:18+0800", timestamp.toString());
    assertEquals("2022-06-30T19:33:18+0800", CiTimestamp.print(timestamp));
  }

  @Test
  void dash_is_a_time_that_has_not_happened() {
    CiTimestamp timestamp = CiTimestamp.parse("-");

    assertTrue(timestamp.isNotYet());
    assertTrue(timestamp.toOffsetDateTime().isEmpty());
    assertEquals("-", timestamp.toString());
    assertEquals(CiTimestamp.notYet(), timestamp);
  }

  @Test
  void of_writes_the_ci_format() {
    CiTimestamp timestamp =
        CiTimestamp.of(OffsetDateTime.of(2022, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30)));

    assertEquals("2022-01-02T03:04:05-0530", timestamp.toString());
    assertFalse(timestamp.isNotYet());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2022-06-30T19:33:18+08:00",
        "2022-06-30 19:33:18+0800",
        "2022-02-30T19:33:18+0800",
        "2022-06-30T19:33:18",
        "",
        "--"
      })
  void rejects_anything_else(String text) {
    assertThrows(IllegalArgumentException.class, () -> CiTimestamp.parse(text));
  }
}
