package dev.cicallback.validator.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.CallbackValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full JSON pass's words for what the fixtures leave out: a callback of both kinds at once, a document that is
 * no object, and a boolean where text belongs.
 */
class JsonSchemaMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CallbackValidator STRICT = CallbackValidator.strict();

  private static ObjectNode fixture(String name) throws IOException {
    return (ObjectNode) JSON.readTree(Fixtures.read(Fixtures.ROOT.resolve(name)));
  }

  private static List<String> problems(Object payload) throws IOException {
    byte[] bytes = payload instanceof String text
        ? text.getBytes(StandardCharsets.UTF_8)
        : JSON.writeValueAsBytes(payload);
    return STRICT.validate(bytes).problems().stream()
        .map(p -> p.code() + " " + p.location() + " | " + p.message())
        .toList();
  }

  @Test
  void a_callback_of_a_job_and_a_workflow_run_at_once_is_refused_as_such() throws IOException {
    ObjectNode both = fixture("json/valid-seed-case1-task-api.json");
    ObjectNode workflow = fixture("json/valid-workflowfinish-qclouddocs-zh-case2.json");
    both.set("WorkflowExecution", workflow.get("WorkflowExecution"));

    assertEquals(List.of("NOT_ALLOWED  | the callback holds both JobsDetail and WorkflowExecution; a callback reports"
        + " a job or a workflow run"), problems(both));
  }

  @Test
  void a_document_that_is_no_object_is_named_the_callback() throws IOException {
    assertEquals(List.of("SHAPE  | the callback: expected an object, found an array"), problems("[1]"));
  }

  @Test
  void a_boolean_where_text_belongs_is_shown_as_it_is() throws IOException {
    ObjectNode job = fixture("json/valid-seed-case1-task-api.json");
    ((ObjectNode) job.get("JobsDetail")).put("Code", true);

    assertEquals(List.of("SHAPE /JobsDetail/Code | Code: expected a string, found true"), problems(job));
  }
}
