package dev.cicallback.validator.internal.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.contract.TagRequirement;
import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes tell a payload that cannot hold a Tag with requirements (which then skips the watch), never one that can;
 * the watch keeps what a job lacks by its own Tag, each parent occurrence on its own.
 */
class TagRulesTest {

  private static boolean mayHold(TagRules rules, String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return rules.mayHold(bytes, 0, bytes.length);
  }

  @Test
  void the_packaged_rules_are_the_tts_entrys() {
    assertFalse(TagRules.xml().isEmpty());
    assertEquals(List.of("State"), TagRules.xml().under("").stream().map(TagRequirement::node).toList());
    assertEquals(List.of("Output", "TtsConfig"),
        TagRules.json().under("Operation").stream().map(TagRequirement::node).toList());
    assertTrue(TagRules.json().follows("Operation"));
    assertFalse(TagRules.json().follows("Operation/MediaInfo"));
  }

  @Test
  void callbacks_of_other_tags_are_told_apart_by_their_bytes() {
    for (String name : List.of("xml/valid-snapshot-intldocs-sample1-jobapi.xml",
        "json/valid-transcode-intldocs-sample3-workflow.json",
        "json/valid-speechrecognition-en+zh-sample3-workflow.json")) {
      byte[] bytes = Fixtures.read(Fixtures.ROOT.resolve(name));
      TagRules rules = name.endsWith(".xml") ? TagRules.xml() : TagRules.json();
      assertFalse(rules.mayHold(bytes, 0, bytes.length), name);
    }
    assertFalse(mayHold(TagRules.xml(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Tag>Transcode</Tag>"),
        "the XML declaration is no instruction that could spell a Tag");
    assertFalse(mayHold(TagRules.xml(), "\uFEFF<?xml version=\"1.0\"?><Response/>"));
  }

  @Test
  void anything_that_could_spell_a_tag_with_requirements_is_watched() {
    TagRules xml = TagRules.xml();
    TagRules json = TagRules.json();
    assertTrue(mayHold(xml, "<Response><Tag>Tts</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag>T&#116;s</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag><![CDATA[T]]>ts</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag>T<!---->ts</Tag></Response>"));
    assertTrue(mayHold(xml, "<?xml version=\"1.0\"?><Response><Tag>T<?a?>ts</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag >Tts</Tag></Response>"));
    assertFalse(mayHold(xml, "<Response><Tags>Tts</Tags><Tag/><Tag>Transcode</Tag></Response>"));
    assertFalse(mayHold(xml, "<?xml-stylesheet href=\"a\"?><Response><!-- Tts --><Tag>Snapshot</Tag></Response>"),
        "what is outside a Tag element spells no Tag");
    assertTrue(mayHold(json, "{\"JobsDetail\": {\"Tag\": \"Tts\"}}"));
    assertTrue(mayHold(json, "{\"JobsDetail\": {\"Tag\": \"\\u0054ts\"}}"));
    assertFalse(mayHold(json, "{\"JobsDetail\": {\"Tag\": \"Transcode\"}}"));
    assertFalse(mayHold(new TagRules(Map.of(), true), "<Response><Tag>Tts</Tag></Response>"), "no rules");
  }

  @Test
  void a_tag_element_cut_short_or_spelled_otherwise_is_told_by_its_bytes() {
    TagRules xml = TagRules.xml();
    assertTrue(mayHold(xml, "<Response><Tag>Snapshot</Tag><Tag>Tts</Tag></Response>"), "the second job's Tag");
    assertTrue(mayHold(xml, "<Response><Tag\t>Tts</Tag></Response>"), "white space after the name");
    assertTrue(mayHold(xml, "<Response><Tag>Tts</Tag"), "the end tag cut short still closes the text");
    assertFalse(mayHold(xml, "<Response><Tag"), "the payload ends after the name");
    assertFalse(mayHold(xml, "<Response><Tag "), "the start tag never ends");
    assertFalse(mayHold(xml, "<Response><Tag>Tts"), "the text never ends");
    assertFalse(mayHold(xml, "<Response><Tag/><Tag >Snapshot</Tag></Response>"), "empty, then another Tag");
    assertFalse(mayHold(xml, "<Response><Tag>Ttsx</Tag><Tag>xTts</Tag></Response>"), "a value is the whole text");
    byte[] framed = "<Tag>Tts</Tag><Tag>Snapshot</Tag>".getBytes(StandardCharsets.UTF_8);
    assertFalse(xml.mayHold(framed, 14, framed.length - 14), "only the bytes from the offset are read");
    assertTrue(xml.mayHold(framed, 0, 14), "only the bytes up to the length are read");
    byte[] json = "{\"Tag\": \"Tts\"} {\"Tag\": \"Snapshot\"}".getBytes(StandardCharsets.UTF_8);
    assertTrue(TagRules.json().mayHold(json, 0, 15));
    assertFalse(TagRules.json().mayHold(json, 16, json.length - 16));
  }

  @Test
  void a_jobs_tag_is_its_own_tag_elements_text_alone() {
    TagRequirement state = new TagRequirement("A", "a-callback", List.of(), "State");
    TagRules rules = new TagRules(Map.of("A", List.of(state)), true);
    JobWatch<Void> watch = new JobWatch<>(rules, null);
    watch.start("Response");
    watch.start("JobsDetail"); // Tag A, with a child element whose text is left out
    watch.start("Tag");
    watch.text("A");
    watch.start("Note");
    assertFalse(watch.wantsText(), "the text of a node inside the Tag is no part of it");
    watch.text("B");
    watch.end();
    assertTrue(watch.wantsText());
    watch.end();
    watch.end();
    watch.start("JobsDetail"); // an Operation's own Tag is not the job's: no Tag, nothing required
    watch.start("Operation");
    watch.start("Tag");
    assertFalse(watch.wantsText());
    watch.text("A");
    watch.end();
    watch.end();
    watch.end();
    watch.start("JobsDetail"); // the second of two Tag elements counts alone
    watch.start("Tag");
    watch.text("B");
    watch.end();
    watch.start("Tag");
    watch.text("A");
    watch.end();
    watch.end();
    watch.end();
    assertEquals(2, watch.missing().size(), "the first job and the third lack State");
    assertFalse(watch.satisfied());
    watch.start("Response"); // a second payload after the first one's end, without a reset
    watch.start("JobsDetail");
    watch.start("Tag");
    watch.text("A");
    watch.end();
    watch.start("State");
    watch.end();
    watch.end();
    watch.end();
    assertEquals(2, watch.missing().size(), "the job with its State lacks nothing");
  }

  @Test
  void a_reset_in_the_middle_of_a_job_forgets_it_all() {
    TagRequirement state = new TagRequirement("A", "a-callback", List.of(), "State");
    TagRequirement bucket = new TagRequirement("A", "a-callback", List.of("Operation", "Output"), "Bucket");
    JobWatch<Void> watch = new JobWatch<>(new TagRules(Map.of("A", List.of(state, bucket)), true), null);
    watch.start("Response"); // a pass stops at a doubt inside a job: an Output ended without its Bucket
    watch.start("JobsDetail");
    watch.start("Operation");
    watch.start("Output");
    watch.end();
    watch.reset();

    watch.start("Response"); // the payload given again, whole: its job has its Bucket but no State
    watch.start("JobsDetail");
    watch.start("Tag");
    watch.text("A");
    watch.end();
    watch.start("Operation");
    watch.start("Output");
    watch.start("Bucket");
    watch.end();
    watch.end();
    watch.end();
    watch.end();
    watch.end();
    assertEquals(List.of("State"), watch.missing().stream().map(m -> m.requirement().node()).toList(),
        "the job read whole lacks its State alone: nothing of the stopped read is kept");
  }

  @Test
  void the_parsers_tokens_and_the_trees_nodes_give_the_watch_the_same_events() throws IOException {
    TagRequirement bucket = new TagRequirement("A", "a-callback", List.of("Operation", "Output"), "Bucket");
    TagRequirement state = new TagRequirement("A", "a-callback", List.of(), "State");
    TagRules rules = new TagRules(Map.of("A", List.of(bucket, state)), false);
    String deep = "{\"a\": ".repeat(12) + "[1, [2, {\"Bucket\": 3}]]" + "}".repeat(12);
    String payload = "{\"EventName\": \"TaskFinish\", \"JobsDetail\": ["
        + "{\"Tag\": \"A\", \"Deep\": " + deep + ", \"Operation\": {\"Output\": [{\"Bucket\": \"b\"}, {\"Object\": "
        + "\"o\"}, {\"Bucket\": null}]}},"
        + "{\"Tag\": \"A\", \"State\": \"Success\", \"Operation\": {\"Output\": {\"Region\": \"r\"}}},"
        + "{\"Tag\": \"B\", \"Operation\": {\"Output\": {}}}]}";
    ObjectMapper mapper = new ObjectMapper();

    String[] pointers = new String[1];
    JobWatch<String> fromTree = new JobWatch<>(rules, () -> pointers[0]);
    JsonJobEvents.walk(mapper.readTree(payload), fromTree, pointers);
    assertEquals(List.of("/JobsDetail/0/Operation/Output/1 Bucket", "/JobsDetail/0 State",
            "/JobsDetail/1/Operation/Output Bucket"),
        fromTree.missing().stream().map(m -> m.place() + " " + m.requirement().node()).toList());

    JobWatch<Void> fromTokens = new JobWatch<>(rules, null);
    try (JsonParser parser = JsonJobEvents.watching(mapper.getFactory().createParser(payload), fromTokens)) {
      while (parser.nextToken() != null) {
        // every token reaches the watch
      }
    }
    assertEquals(fromTree.missing().stream().map(m -> m.requirement()).toList(),
        fromTokens.missing().stream().map(m -> m.requirement()).toList());
  }

  @Test
  void the_watch_checks_every_occurrence_of_a_parent_and_keeps_what_the_jobs_tag_requires() {
    TagRequirement state = new TagRequirement("A", "a-callback", List.of(), "State");
    TagRequirement bucket = new TagRequirement("A", "a-callback", List.of("Operation", "Output"), "Bucket");
    TagRequirement other = new TagRequirement("B", "b-callback", List.of(), "Code");
    TagRules rules = new TagRules(Map.of("A", List.of(state, bucket), "B", List.of(other)), false);
    List<String> places = new ArrayList<>();
    JobWatch<String> watch = new JobWatch<>(rules, () -> "#" + places.size());

    watch.start("");
    job(watch, places, "A", "Bucket", "");   // the first Output has its Bucket, the second not; no State
    job(watch, places, "B", "Bucket", "Bucket"); // Tag B asks Code alone, which its job lacks
    watch.start("Unrelated");
    watch.start("JobsDetail");
    watch.end();
    watch.end();
    watch.end();

    assertEquals(List.of("A Operation/Output/Bucket", "A State", "B Code"),
        watch.missing().stream().map(m -> m.requirement().tag() + " " + m.requirement().path()).toList());
    assertEquals(List.of("#1", "#1", "#2"), watch.missing().stream().map(JobWatch.Missing::place).toList(),
        "each where its parent started: the second Output, then the first job; the second job");
    watch.reset();
    assertTrue(watch.satisfied());
  }

  /** A job of {@code tag} with an Operation holding two Outputs, with these children (or none for ""). */
  private static void job(JobWatch<String> watch, List<String> places, String tag, String first, String second) {
    places.add("job");
    watch.start("JobsDetail");
    watch.start("Tag");
    assertTrue(watch.wantsText());
    watch.text(tag.substring(0, 1));
    watch.text(tag.substring(1));
    watch.end();
    assertFalse(watch.wantsText());
    watch.start("Operation");
    for (String child : List.of(first, second)) {
      watch.start("Output");
      if (!child.isEmpty()) {
        watch.start(child);
        watch.end();
      }
      watch.end();
    }
    watch.end();
    watch.end();
  }
}
