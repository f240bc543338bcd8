package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a fixture's callback look just sent: every {@code JobId} and {@code RunId} new (same form as CI writes it: a
 * letter and 32 hex digits, the letter kept), and every timestamp moved by the same amount so that the latest is
 * now, in its own format ({@code 2022-06-30T19:33:24+0800} for jobs, {@code 2022-08-09 14:54:17+0800} for workflows)
 * and offset. An id that occurs elsewhere in the body (an object name, a workflow task) is replaced there too.
 */
final class FreshValues {

  private static final Pattern ID = Pattern.compile("[a-z][0-9a-f]{32}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d[+-]\\d{4}");
  private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");
  private static final DateTimeFormatter WORKFLOW_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxx");

  private final Supplier<Instant> clock;
  private final Supplier<String> hex32;

  /** {@code hex32}: 32 fresh lower-case hex digits each call. */
  FreshValues(Supplier<Instant> clock, Supplier<String> hex32) {
    this.clock = clock;
    this.hex32 = hex32;
  }

  /** Current time, random ids. */
  static FreshValues now() {
    return new FreshValues(Instant::now, () -> UUID.randomUUID().toString().replace("-", ""));
  }

  /** Refreshes {@code tree} in place. */
  void refresh(ObjectNode tree) {
    Map<String, String> ids = new HashMap<>();
    List<TextNode> times = new ArrayList<>();
    collect(tree, null, ids, times);
    Instant latest = null;
    for (TextNode time : times) {
      Instant at = parse(time.textValue()).toInstant();
      latest = latest == null || at.isAfter(latest) ? at : latest;
    }
    Duration shift = latest == null ? Duration.ZERO : Duration.between(latest, clock.get().with(
        java.time.temporal.ChronoField.NANO_OF_SECOND, 0));
    replace(tree, ids, shift);
  }

  private void collect(JsonNode node, String name, Map<String, String> ids, List<TextNode> times) {
    if (node.isObject()) {
      node.fields().forEachRemaining(member -> collect(member.getValue(), member.getKey(), ids, times));
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, name, ids, times));
    } else if (node.isTextual()) {
      String text = node.textValue();
      if (("JobId".equals(name) || "RunId".equals(name)) && text.length() >= 8 && !ids.containsKey(text)) {
        ids.put(text, ID.matcher(text).matches() ? text.charAt(0) + hex32.get() : (name.equals("JobId") ? "j" : "i")
            + hex32.get());
      } else if (TIMESTAMP.matcher(text).matches() && parseable(text)) {
        times.add((TextNode) node);
      }
    }
  }

  private static void replace(JsonNode node, Map<String, String> ids, Duration shift) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        if (member.getValue().isTextual()) {
          member.setValue(new TextNode(fresh(member.getValue().textValue(), ids, shift)));
        } else {
          replace(member.getValue(), ids, shift);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, new TextNode(fresh(array.get(i).textValue(), ids, shift)));
        } else {
          replace(array.get(i), ids, shift);
        }
      }
    }
  }

  private static String fresh(String text, Map<String, String> ids, Duration shift) {
    if (TIMESTAMP.matcher(text).matches() && parseable(text)) {
      OffsetDateTime moved = parse(text).plus(shift);
      return (text.charAt(10) == 'T' ? JOB_TIME : WORKFLOW_TIME).format(moved);
    }
    String result = text;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      if (result.contains(id.getKey())) {
        result = result.replace(id.getKey(), id.getValue());
      }
    }
    return result;
  }

  private static boolean parseable(String text) {
    try {
      parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static OffsetDateTime parse(String text) {
    return OffsetDateTime.parse(text, text.charAt(10) == 'T' ? JOB_TIME : WORKFLOW_TIME);
  }
}
