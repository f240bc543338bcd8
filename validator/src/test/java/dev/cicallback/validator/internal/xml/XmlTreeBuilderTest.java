package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.internal.contract.ContractTree;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The tree in CI's JSON form built from SAX events given one by one: arrays for repeatable nodes and for unknown
 * nodes met more than once, empty elements left out, the root's own text dropped, and a reset in the middle of a
 * reading.
 */
class XmlTreeBuilderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final XmlTreeBuilder builder = new XmlTreeBuilder(ContractTree.xml());

  private XmlTreeBuilderTest start(String name) {
    builder.startElement("", name, name, new AttributesImpl());
    return this;
  }

  private XmlTreeBuilderTest text(String text) {
    builder.characters(text.toCharArray(), 0, text.length());
    return this;
  }

  private XmlTreeBuilderTest end(String name) {
    builder.endElement("", name, name);
    return this;
  }

  private XmlTreeBuilderTest leaf(String name, String text) {
    return start(name).text(text).end(name);
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void no_events_give_an_empty_object() throws Exception {
    assertEquals(json("{}"), builder.tree());
    builder.characters("before".toCharArray(), 0, 6);
    assertEquals(json("{}"), builder.tree());
  }

  @Test
  void repeatable_nodes_are_arrays_even_once_and_single_ones_are_not() throws Exception {
    start("Response").leaf("EventName", "TaskFinish").start("JobsDetail").leaf("JobId", "j1").end("JobsDetail")
        .end("Response");

    assertEquals(json("{'EventName':'TaskFinish','JobsDetail':[{'JobId':'j1'}]}"), builder.tree());
  }

  @Test
  void an_unknown_node_becomes_an_array_when_met_again() throws Exception {
    start("Response").leaf("Zz", "1").leaf("EventName", "TaskFinish").leaf("Zz", "2").leaf("Zz", "3")
        .leaf("Yy", "4").end("Response");

    assertEquals(json("{'Zz':['1','2','3'],'EventName':'TaskFinish','Yy':'4'}"), builder.tree());
  }

  @Test
  void children_of_an_unknown_node_are_kept_as_unknown() throws Exception {
    start("Response").start("Zz").leaf("EventName", "x").leaf("EventName", "y").end("Zz").end("Response");

    assertEquals(json("{'Zz':{'EventName':['x','y']}}"), builder.tree());
  }

  @Test
  void empty_elements_and_empty_containers_are_left_out() throws Exception {
    start("Response").text("\n  ").leaf("EventName", "").start("JobsDetail").text("\n").end("JobsDetail")
        .start("Zz").start("Yy").end("Yy").end("Zz").leaf("Xx", "").end("Response");

    assertEquals(json("{}"), builder.tree());
  }

  @Test
  void text_in_pieces_is_joined() throws Exception {
    start("Response").start("EventName").text("Task").text("").text("Finish").end("EventName").end("Response");

    assertEquals(json("{'EventName':'TaskFinish'}"), builder.tree());
  }

  @Test
  void a_root_of_text_alone_gives_an_empty_object() throws Exception {
    start("Response").text("text").end("Response");

    assertEquals(json("{}"), builder.tree());
  }

  @Test
  void a_reset_forgets_a_reading_cut_short_and_a_finished_one() throws Exception {
    start("Response").leaf("EventName", "Old").start("JobsDetail").start("JobId").text("j");
    builder.reset();
    assertEquals(json("{}"), builder.tree());

    start("Response").leaf("EventName", "TaskFinish").end("Response");
    assertEquals(json("{'EventName':'TaskFinish'}"), builder.tree());

    builder.reset();
    assertEquals(json("{}"), builder.tree());
  }
}
