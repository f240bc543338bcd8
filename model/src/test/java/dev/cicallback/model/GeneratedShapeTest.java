package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generators fall back to {@code Object} or {@code List<Object>} silently when a schema construct is not
 * understood; these tests pin the shapes the contract promises.
 */
class GeneratedShapeTest {

  private static final String XML = "dev.cicallback.model.xml.";
  private static final String JSON = "dev.cicallback.model.json.";

  /** Node -> the Java type its getter must return, in both bindings. */
  static Stream<Arguments> promisedShapes() {
    return Stream.of(
        Arguments.of("Response", "getEventName", "EventName"),
        Arguments.of("Response", "getJobsDetail", "List<JobsDetail>"),
        Arguments.of("Response", "getWorkflowExecution", "WorkflowExecution"),
        Arguments.of("JobsDetail", "getState", "State"),
        Arguments.of("JobsDetail", "getTag", "String"),
        Arguments.of("JobsDetail", "getOperation", "Operation"),
        Arguments.of("JobsDetail", "getCreationTime", "CiTimestamp"),
        Arguments.of("JobsDetail", "getStartTime", "CiTimestamp"),
        Arguments.of("JobsDetail", "getEndTime", "CiTimestamp"),
        Arguments.of("JobsDetail", "getJobId", "String"),
        Arguments.of("JobsDetail", "getWorkflow", "Workflow"),
        Arguments.of("JobInput", "getCosHeaders", "List<CosHeader>"),
        Arguments.of("JobInput", "getObject", "String"),
        Arguments.of("JobInput", "getBucketId", "String"),
        Arguments.of("OperationInput", "getCosHeaders", "List<CosHeader>"),
        Arguments.of("Operation", "getTtsConfig", "TtsConfig"),
        Arguments.of("Operation", "getTtsTpl", "TtsTpl"),
        Arguments.of("Operation", "getJobLevel", "String"),
        Arguments.of("Operation", "getWatermarkTemplateId", "List<String>"),
        Arguments.of("Operation", "getWatermark", "List<TranscodeWatermark>"),
        Arguments.of("Operation", "getTranscode", "Transcode"),
        Arguments.of("Operation", "getSpeechRecognitionResult", "SpeechRecognitionResult"),
        Arguments.of("Operation", "getDigitalWatermark", "DigitalWatermark"),
        Arguments.of("Operation", "getPicProcessResult", "PicProcessResult"),
        Arguments.of("Output", "getStreamExtract", "List<StreamExtract>"),
        Arguments.of("WorkflowExecution", "getTasks", "List<WorkflowTask>"),
        Arguments.of("WorkflowExecution", "getCosHeaders", "List<CosHeader>"),
        Arguments.of("WorkflowExecution", "getCreateTime", "CiTimestamp"),
        Arguments.of("WorkflowTask", "getEndTime", "CiTimestamp"),
        Arguments.of("TtsTpl", "getMode", "Mode"),
        Arguments.of("TtsTpl", "getCodec", "Codec"),
        Arguments.of("TtsTpl", "getVolume", "String"),
        Arguments.of("TtsConfig", "getInputType", "InputType"),
        Arguments.of("MediaStreams", "getAudio", "List<AudioStream>"),
        Arguments.of("MediaStreams", "getVideo", "List<VideoStream>"),
        Arguments.of("MediaStreams", "getSubtitle", "List<SubtitleStream>"),
        Arguments.of("OutputFile", "getObjectName", "List<String>"),
        Arguments.of("OutputFile", "getMd5Info", "List<Md5Info>"),
        Arguments.of("OutputFile", "getBucket", "String"),
        Arguments.of("OutputFile", "getRegion", "String"),
        Arguments.of("OutputFile", "getObjectPrefix", "String"),
        Arguments.of("OutputFile", "getSpriteOutputFile", "SpriteOutputFile"),
        Arguments.of("SpriteOutputFile", "getObjectName", "List<String>"),
        Arguments.of("SpriteOutputFile", "getBucket", "String"));
  }

  @ParameterizedTest(name = "{0}.{1} is {2}")
  @MethodSource("promisedShapes")
  void xml_binding_has_the_promised_shape(String type, String getter, String shape)
      throws Exception {
    assertEquals(shape, shape(Class.forName(XML + type).getMethod(getter).getGenericReturnType()));
  }

  @ParameterizedTest(name = "{0}.{1} is {2}")
  @MethodSource("promisedShapes")
  void json_binding_has_the_promised_shape(String type, String getter, String shape)
      throws Exception {
    assertEquals(shape, shape(Class.forName(JSON + json(type)).getMethod(getter).getGenericReturnType()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundTypes")
  void json_binding_keeps_nodes_the_contract_does_not_know(String type) throws Exception {
    assertEquals(
        "Map<String, Object>",
        shape(Class.forName(JSON + json(type)).getMethod("getAdditionalProperties").getGenericReturnType()));
  }

  /** The JSON binding's name of a node: the root is Callback, the JAXB root element Response. */
  private static String json(String type) {
    return type.equals("Response") ? "Callback" : type;
  }

  static Stream<String> boundTypes() {
    return promisedShapes().map(a -> (String) a.get()[0]).distinct();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundTypes")
  void both_bindings_expose_the_same_nodes_with_the_same_shapes(String type) throws Exception {
    assertEquals(shapes(Class.forName(XML + type)), shapes(Class.forName(JSON + json(type))));
  }

  private static Map<String, String> shapes(Class<?> type) {
    Map<String, String> shapes = new TreeMap<>();
    for (Method getter : Bindings.getters(type)) {
      if (getter.getName().equals("getAdditionalProperties")) {
        continue; // the JSON model's map of nodes the contract does not know; JAXB's classes stay strict
      }
      shapes.put(getter.getName(), shape(getter.getGenericReturnType()));
    }
    assertTrue(shapes.size() > 0, type + " has no getters");
    return shapes;
  }

  /** Simple names, so that XML and JSON classes of the same node compare equal; the JSON root is Callback. */
  private static String shape(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      String raw = ((Class<?>) parameterized.getRawType()).getSimpleName();
      StringBuilder shape = new StringBuilder(raw).append('<');
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < arguments.length; i++) {
        shape.append(i == 0 ? "" : ", ").append(shape(arguments[i]));
      }
      return shape.append('>').toString();
    }
    String name = ((Class<?>) type).getSimpleName();
    return name.equals("Callback") ? "Response" : name;
  }
}
