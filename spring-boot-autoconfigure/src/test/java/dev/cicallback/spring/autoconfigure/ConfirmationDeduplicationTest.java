package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Confirmation with de-duplication on, and the URL secret: a forged callback refused with 403 releases the key it
 * claimed, so CI's genuine delivery of that job is handled; a second delivery of a handled callback is answered 200
 * as a duplicate without asking CI's API; a request without the URL secret asks nothing at all.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = AuthenticityService.class,
    properties = {
      "ci-callback.deduplication.enabled=true",
      "ci-callback.url-secret=" + ConfirmationDeduplicationTest.URL_SECRET,
      "ci-callback.confirm.enabled=true",
      "ci-callback.confirm.secret-id=" + ConfirmationEndpointTest.SECRET_ID,
      "ci-callback.confirm.secret-key=" + ConfirmationEndpointTest.SECRET_KEY
    })
class ConfirmationDeduplicationTest {

  static final String URL_SECRET = "dedup-url-secret-5c1e9a7b";

  private static final String JOB = "xml/valid-seed-case1-task-api.xml";
  private static final CiApiStandIn CI = standIn();

  @LocalServerPort int port;
  @Autowired AuthenticityService.Endpoint endpoint;

  private static CiApiStandIn standIn() {
    try {
      CiApiStandIn ci = new CiApiStandIn(ConfirmationEndpointTest.SECRET_ID, ConfirmationEndpointTest.SECRET_KEY);
      ci.answers.put("/jobs/j707f4864f86811ecb90d0b03267ce0e5", CiApiStandIn.jobAnswer(Fixtures.bytes(JOB)));
      return ci;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void endpoint(DynamicPropertyRegistry properties) {
    properties.add("ci-callback.confirm.endpoint", () -> CI.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    CI.close();
  }

  @Test
  void aRefusedForgeryReleasesItsClaimAndADuplicateCostsNoCall() throws Exception {
    String genuine = new String(Fixtures.bytes(JOB), StandardCharsets.UTF_8);
    String forged = genuine.replace("<State>Success</State>", "<State>Failed</State>");

    assertThat(post("", genuine).statusCode()).as("no URL secret").isEqualTo(404);
    assertThat(CI.requests.get()).isZero();

    assertThat(post("?ci-secret=" + URL_SECRET, forged).statusCode()).isEqualTo(403);
    assertThat(CI.requests.get()).isEqualTo(1);
    assertThat(post("?ci-secret=" + URL_SECRET, genuine).statusCode()).isEqualTo(200);
    assertThat(CI.requests.get()).isEqualTo(2);
    assertThat(endpoint.received).hasSize(1);

    HttpResponse<String> again = post("?ci-secret=" + URL_SECRET, genuine);
    assertThat(again.statusCode()).as("a duplicate").isEqualTo(200);
    assertThat(CI.requests.get()).as("a duplicate asks CI's API nothing").isEqualTo(2);
    assertThat(endpoint.received).hasSize(1);
  }

  private HttpResponse<String> post(String query, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return AuthenticityService.post(port, "/callback" + query, bytes, "application/xml");
  }
}
