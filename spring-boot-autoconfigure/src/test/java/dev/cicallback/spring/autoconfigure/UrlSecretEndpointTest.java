package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with two URL secrets (a rotation under way), every log at DEBUG and below for the starter and Spring's web
 * layer: a callback without a secret, with a wrong one, a repeated or a truncated one never reaches the method and is
 * answered 404 with nothing in the body; either secret gets through; the secret is in no captured line, metric tag or
 * answer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = {AuthenticityService.class, UrlSecretEndpointTest.Health.class},
    properties = {
      "ci-callback.url-secret=" + UrlSecretEndpointTest.OLD + "," + UrlSecretEndpointTest.NEW,
      "ci-callback.deduplication.enabled=true",
      "logging.level.dev.cicallback=TRACE",
      "logging.level.org.springframework.web=DEBUG",
      "logging.level.org.apache.catalina=DEBUG",
      "logging.level.org.apache.coyote=DEBUG"
    })
@ExtendWith(OutputCaptureExtension.class)
class UrlSecretEndpointTest {

  static final String OLD = "S3cretOld-4f9a2c7e1b8d";
  static final String NEW = "S3cretNew-0d1e6b9a3c5f";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired AuthenticityService.Endpoint endpoint;
  @Autowired MeterRegistry registry;

  @BeforeEach
  void forget() {
    endpoint.received.clear();
  }

  @Test
  void withoutTheSecretOrWithAWrongOneTheMethodIsNotReached(CapturedOutput output) throws Exception {
    byte[] body = Fixtures.bytes("xml/valid-minimal.xml");
    for (String query : List.of("", "?other=1", "?ci-secret=", "?ci-secret=wrong-but-long-enough-1234",
        "?ci-secret=" + OLD.substring(1), "?ci-secret=" + OLD + "&ci-secret=" + OLD, "?CI-SECRET=" + OLD,
        "?secret=" + NEW)) {
      for (String path : List.of("/callback", "/moderation")) {
        HttpResponse<String> answer = post(path + query, body);
        assertThat(answer.statusCode()).as(path + query).isEqualTo(404);
        assertThat(answer.body()).as(path + query).isEmpty();
      }
    }
    assertThat(endpoint.received).isEmpty();
    assertThat(registry.find(MicrometerCallbackMetrics.RECEIVED).tag("outcome", "wrong_secret").counter().count())
        .isEqualTo(16);
    assertThat(output.getAll()).contains("callback refused (404): no or wrong URL secret in POST /callback from ");
    assertNoSecret(output);
  }

  @Test
  void eitherSecretOfTheRotationGetsThrough(CapturedOutput output) throws Exception {
    assertThat(post("/callback?ci-secret=" + OLD, Fixtures.bytes("xml/valid-minimal.xml")).statusCode())
        .isEqualTo(200);
    byte[] run = Fixtures.bytes("xml/valid-workflowfinish-gosdk-example-workflow.xml");
    assertThat(post("/callback?a=b&ci-secret=" + NEW, run).statusCode())
        .isEqualTo(200);
    assertThat(endpoint.received).hasSize(2);
    // invalid, with the secret: the problem answer does not hold it either
    HttpResponse<String> invalid = post("/callback?ci-secret=" + OLD, "<Response/>".getBytes());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).doesNotContain(OLD).contains("Invalid callback");
    assertNoSecret(output);
  }

  @Test
  void otherHandlersNeedNoSecret() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  private void assertNoSecret(CapturedOutput output) {
    assertThat(output.getAll()).doesNotContain(OLD).doesNotContain(NEW).doesNotContain(OLD.substring(1));
    registry.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag ->
        assertThat(tag.getValue()).doesNotContain(OLD).doesNotContain(NEW)));
  }

  private HttpResponse<String> post(String pathAndQuery, byte[] body) throws Exception {
    return AuthenticityService.post(port, pathAndQuery, body, "application/xml");
  }

  /** A handler of something else than callbacks. */
  @RestController
  static class Health {
    @GetMapping("/health")
    String health() {
      return "up";
    }
  }
}
