package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.SchemaFiles;
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

  @Test
  void reads_the_workflow_form_with_a_space_and_writes_it_back() {
    CiTimestamp workflow = CiTimestamp.parse("2022-08-09 14:54:17+0800");
    assertEquals(
        java.time.OffsetDateTime.parse("2022-08-09T14:54:17+08:00"), workflow.toOffsetDateTime().orElseThrow());
    assertEquals("2022-08-09 14:54:17+0800", workflow.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2022-06-30T19:33:18+08:00",
        "2022-06-30t19:33:18+0800",
        "2022-02-30T19:33:18+0800",
        "2022-02-30 19:33:18+0800",
        "2022-06-30T19:33:18",
        "",
        "--",
        "2023-02-29T00:00:00+0800",
        "2022-13-01T00:00:00+0800",
        "2022-06-30T24:00:00+0800",
        "2022-06-30T19:60:18+0800",
        "2022-06-30T19:33:60+0800",
        "2022-06-30T19:33:18+1900",
        "2022-06-30T19:33:18+0860",
        "2022-06-30T19:33:18*0800",
        "２０22-06-30T19:33:18+0800",
        "+12022-06-30T19:33:1+0800",
        "2022-06-30T19:33:18+0800 "
      })
  void rejects_anything_else(String text) {
    assertThrows(IllegalArgumentException.class, () -> CiTimestamp.parse(text));
  }

  /** Reading by position gives what the formatter it replaced gave, on dates around every boundary. */
  @Test
  void reads_as_the_strict_formatter_does() {
    java.time.format.DateTimeFormatter formatter =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    String[] dates = {"0001-01-01", "1999-12-31", "2000-02-29", "2024-02-29", "2023-02-28", "2022-06-30", "9999-12-31"};
    String[] times = {"00:00:00", "12:34:56", "23:59:59"};
    String[] offsets = {"+0000", "-0000", "+0800", "-0530", "+1800", "-1800", "+1459"};
    int compared = 0;
    for (String date : dates) {
      for (String time : times) {
        for (String offset : offsets) {
          String text = date + "T" + time + offset;
          assertEquals(OffsetDateTime.parse(text, formatter), CiTimestamp.parse(text).toOffsetDateTime().orElseThrow(),
              text);
          compared++;
        }
      }
    }
    assertEquals(dates.length * times.length * offsets.length, compared);
  }

  /**
   * The schemas' patterns admit exactly what the model reads: every day of leap and common years (2000 and 2024 are
   * leap years, 1900, 2023 and 2100 are not), every offset from -1800 to +1800 and beyond, in both CI forms. So a
   * callback the schemas accept always binds, and one with no real time is invalid for xmllint and ajv too.
   */
  @Test
  void the_schema_patterns_admit_exactly_the_times_the_model_reads() throws Exception {
    for (String[] form : new String[][] {{"common.xsd", "Timestamp", "T"}, {"workflow-execution.xsd", "WorkflowTimestamp", " "}}) {
      java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(pattern(form[0], form[1]));
      int checked = 0;
      for (String year : new String[] {"0000", "1900", "2000", "2023", "2024", "2100", "2400", "9999"}) {
        for (int month = 0; month <= 13; month++) {
          for (int day = 0; day <= 32; day++) {
            String text = String.format("%s-%02d-%02d%s23:59:59+0800", year, month, day, form[2]);
            assertEquals(accepts(text), pattern.matcher(text).matches(), text);
            checked++;
          }
        }
      }
      for (String sign : new String[] {"+", "-"}) {
        for (int hours = 0; hours <= 23; hours++) {
          for (int minutes : new int[] {0, 1, 30, 59, 60}) {
            String text = String.format("2024-02-29%s00:00:00%s%02d%02d", form[2], sign, hours, minutes);
            assertEquals(accepts(text), pattern.matcher(text).matches(), text);
            checked++;
          }
        }
      }
      assertTrue(pattern.matcher("-").matches());
      assertTrue(checked > 3000);
    }
  }

  private static boolean accepts(String text) {
    try {
      CiTimestamp.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The pattern of a simple type in a packaged XSD file. */
  private static String pattern(String file, String type) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document xsd;
    try (java.io.InputStream in = SchemaFiles.open(SchemaFiles.XML_DIR + file)) {
      xsd = factory.newDocumentBuilder().parse(in);
    }
    org.w3c.dom.NodeList types = xsd.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "simpleType");
    for (int i = 0; i < types.getLength(); i++) {
      org.w3c.dom.Element simpleType = (org.w3c.dom.Element) types.item(i);
      if (simpleType.getAttribute("name").equals(type)) {
        return ((org.w3c.dom.Element) simpleType
                .getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "pattern").item(0))
            .getAttribute("value");
      }
    }
    throw new IllegalStateException("no simple type " + type + " in " + file);
  }
}
