package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What docs/spring-boot-lines.md states of the model and Jackson 3: the generated JSON classes carry Jackson's
 * {@code com.fasterxml.jackson.annotation} annotations, which Jackson 3 reads, so a plain Jackson 3
 * {@code JsonMapper} binds every valid JSON fixture to the same {@code Callback} as Jackson 2 and as the
 * {@link CallbackReader}; but it does not validate (a body the reader refuses is bound unchecked, or refused with
 * Jackson's own exception) and keeps a JSON number as written where the reader keeps its canonical text (the reader's
 * own Jackson 2 deserializer). On the class path, as Spring Boot runs a service.
 */
class Jackson3BindingTest {

  private static final JsonMapper JACKSON_3 = JsonMapper.builder().build();

  @Test
  void everyValidJsonFixtureBindsWithJackson3AsWithJackson2AndTheReader() throws IOException {
    ObjectMapper jackson2 = new ObjectMapper();
    List<String> different = new ArrayList<>();
    int bound = 0;
    try (Stream<Path> files = Files.list(Fixtures.EXAMPLES.resolve("json"))) {
      for (Path path : files.filter(p -> p.getFileName().toString().startsWith("valid-")).sorted().toList()) {
        byte[] body = Files.readAllBytes(path);
        Callback three = JACKSON_3.readValue(body, Callback.class);
        if (!three.equals(jackson2.readValue(body, Callback.class))
            || !three.equals(CallbackReader.tolerant().read(body).callback().orElseThrow())) {
          different.add(path.getFileName().toString());
        }
        bound++;
      }
    }
    assertThat(bound).isGreaterThan(50);
    assertThat(different).isEmpty();
  }

  @Test
  void jackson3NeitherValidatesNorCanonicalizesNumbers() throws IOException {
    // A body the reader refuses is bound unchecked, or refused with Jackson's own exception, not the reader's problems.
    byte[] missing = Fixtures.bytes("json/invalid-animation-missing-jobid.json");
    assertThat(CallbackReader.tolerant().read(missing).isValid()).isFalse();
    assertThat(JACKSON_3.readValue(missing, Callback.class).getJobsDetail().get(0).getJobId()).isNull();
    byte[] unknownState = Fixtures.bytes("json/invalid-unknown-state.json");
    assertThat(CallbackReader.tolerant().read(unknownState).isValid()).isFalse();
    assertThatThrownBy(() -> JACKSON_3.readValue(unknownState, Callback.class))
        .isInstanceOf(tools.jackson.databind.DatabindException.class);

    // A JSON number is kept as written; the reader keeps its canonical text.

    String numbers = new String(Fixtures.bytes("json/valid-numbers-as-json-numbers.json"), StandardCharsets.UTF_8);
    assertThat(numbers).contains("\"SampleRate\": 16000");
    byte[] exponent =
        numbers.replace("\"SampleRate\": 16000", "\"SampleRate\": 1.6e4").getBytes(StandardCharsets.UTF_8);
    Callback canonical =
        CallbackReader.tolerant().read(numbers.getBytes(StandardCharsets.UTF_8)).callback().orElseThrow();
    assertThat(CallbackReader.tolerant().read(exponent).callback().orElseThrow()).isEqualTo(canonical);
    Callback literal = JACKSON_3.readValue(exponent, Callback.class);
    assertThat(literal).isNotEqualTo(canonical);
    assertThat(JACKSON_3.writeValueAsString(literal)).contains("\"SampleRate\":\"1.6e4\"");
  }
}
