package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code ci-callback.confirm.enabled=true} against a stand-in of CI's API that checks every request's COS signature
 * ({@link CiApiStandIn}) and serves answers made from the fixtures: genuine job, workflow and moderation callbacks
 * reach the methods; forged ones (no such job, another State, other outputs, another moderation label) are answered
 * 403; an API that fails, limits the rate or cannot be reached gives 503; a wrong SecretKey is refused by the stand-in
 * and reported clearly. No captured line holds the SecretKey.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = AuthenticityService.class,
    properties = {
      "ci-callback.confirm.enabled=true",
      "ci-callback.confirm.secret-id=" + ConfirmationEndpointTest.SECRET_ID,
      "ci-callback.confirm.secret-key=" + ConfirmationEndpointTest.SECRET_KEY,
      "ci-callback.confirm.timeout=2s",
      "logging.level.dev.cicallback=TRACE",
      "logging.level.org.springframework.web=DEBUG"
    })
@ExtendWith(OutputCaptureExtension.class)
class ConfirmationEndpointTest {

  static final String SECRET_ID = "AKIDstandin0000000000000000000000000";
  static final String SECRET_KEY = "standinSecretKey0123456789abcdefgh";

  private static final String JOB = "xml/valid-seed-case1-task-api.xml";
  private static final String RUN = "xml/valid-workflowfinish-gosdk-example-workflow.xml";
  private static final String MODERATION = "json/moderation/valid-auditing-image-detail-intldocs-sample1.json";
  private static final CiApiStandIn CI = standIn();

  @LocalServerPort int port;
  @Autowired AuthenticityService.Endpoint endpoint;
  @Autowired MeterRegistry registry;

  private static CiApiStandIn standIn() {
    try {
      CiApiStandIn ci = new CiApiStandIn(SECRET_ID, SECRET_KEY);
      ci.answers.put("/jobs/j707f4864f86811ecb90d0b03267ce0e5", CiApiStandIn.jobAnswer(Fixtures.bytes(JOB)));
      ci.answers.put("/workflowexecution/i70ae991a152911ecb184525400a8700f",
          CiApiStandIn.jobAnswer(Fixtures.bytes(RUN)));
      ci.answers.put("/jobs/jffffffffffffffffffffffffffffff0", ("<Response><NonExistJobIds>"
          + "jffffffffffffffffffffffffffffff0</NonExistJobIds></Response>").getBytes(StandardCharsets.UTF_8));
      ci.answers.put("/image/auditing/xxxx", CiApiStandIn.moderationAnswer(Fixtures.bytes(MODERATION)));
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

  @BeforeEach
  void reset() {
    endpoint.received.clear();
    CI.status = 0;
    CI.refused.clear();
  }

  @Test
  void genuineCallbacksOfEachKindAreConfirmedAndReachTheMethods(CapturedOutput output) throws Exception {
    int before = CI.requests.get();
    assertThat(post("/callback", Fixtures.bytes(JOB), "application/xml").statusCode()).isEqualTo(200);
    assertThat(post("/callback", Fixtures.bytes(RUN), "application/xml").statusCode()).isEqualTo(200);
    assertThat(post("/moderation", Fixtures.bytes(MODERATION), "application/json").statusCode()).isEqualTo(200);
    assertThat(endpoint.received).hasSize(3);
    assertThat(CI.requests.get() - before).as("one call to CI's API per callback").isEqualTo(3);
    assertThat(CI.refused).isEmpty();
    assertThat(output.getAll()).doesNotContain(SECRET_KEY);
  }

  @Test
  void forgedCallbacksAreRefusedWith403AndTheMismatchIsLogged(CapturedOutput output) throws Exception {
    String job = text(JOB);
    String run = text(RUN);
    String moderation = text(MODERATION);
    List<String[]> forged = List.of(
        new String[] {"/callback",
            job.replace("j707f4864f86811ecb90d0b03267ce0e5", "j00000000000000000000000000000001"),
            "no such job in CI's record"},
        new String[] {"/callback", job.replace("j707f4864f86811ecb90d0b03267ce0e5", "jffffffffffffffffffffffffffffff0"),
            "job jffffffffffffffffffffffffffffff0: no such job in CI's record"},
        new String[] {"/callback", job.replace("<State>Success</State>", "<State>Failed</State>"),
            "State is \"Success\" in CI's record, \"Failed\" in the callback"},
        new String[] {"/callback",
            job.replace("<Object>output/aixiaonan.mp3</Object>", "<Object>output/evil.mp3</Object>"),
            "Operation.Output is"},
        new String[] {"/callback",
            run.replace("i70ae991a152911ecb184525400a8700f", "i00000000000000000000000000000002"),
            "no such run in CI's record"},
        new String[] {"/callback", run.replaceFirst("<State>Success</State>", "<State>Failed</State>"),
            "workflow run i70ae991a152911ecb184525400a8700f: State is"},
        new String[] {"/moderation", moderation.replace("\"Label\": \"Normal\"", "\"Label\": \"Porn\""),
            "Label is \"Normal\" in CI's record, \"Porn\" in the callback"},
        new String[] {"/moderation", moderation.replace("\"Result\": 0", "\"Result\": 1"),
            "Result is \"0\" in CI's record, \"1\" in the callback"});
    for (String[] one : forged) {
      assertThat(one[1]).as("the forgery changes the fixture").isNotIn(job, run, moderation);
      HttpResponse<String> answer = post(one[0], one[1].getBytes(StandardCharsets.UTF_8),
          one[0].equals("/moderation") ? "application/json" : "application/xml");
      assertThat(answer.statusCode()).as(one[2]).isEqualTo(403);
      assertThat(answer.body()).contains(CallbackConfirmationAdvice.NOT_CONFIRMED_TYPE.toString())
          .doesNotContain("CI's record");
      assertThat(output.getAll()).contains("callback refused (403) as forged: ").contains(one[2]);
    }
    assertThat(endpoint.received).isEmpty();
    assertThat(registry.find(MicrometerCallbackMetrics.RECEIVED).tag("outcome", "not_confirmed").counter().count())
        .isEqualTo(forged.size());
    assertThat(output.getAll()).doesNotContain(SECRET_KEY);
  }

  @Test
  void anApiThatFailsLimitsTheRateOrCannotBeReachedGives503(CapturedOutput output) throws Exception {
    for (int status : new int[] {503, 500, 429, CiApiStandIn.DROP}) {
      CI.status = status;
      HttpResponse<String> answer = post("/callback", Fixtures.bytes(JOB), "application/xml");
      assertThat(answer.statusCode()).as("CI's API answering " + status).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
      assertThat(answer.body()).contains(CallbackConfirmationAdvice.UNAVAILABLE_TYPE.toString());
    }
    assertThat(endpoint.received).isEmpty();
    assertThat(output.getAll())
        .contains("callback answered 503, not confirmed: CI's API answered 503 ServiceUnavailable")
        .contains("CI's API limits the rate (429 RequestLimitExceeded)")
        .contains("CI's API cannot be reached at " + CI.endpoint())
        .doesNotContain(SECRET_KEY);
    assertThat(registry.find(MicrometerCallbackMetrics.RECEIVED).tag("outcome", "confirmation_unavailable").counter()
        .count()).isEqualTo(4);
  }

  @Test
  void aWrongSecretKeyIsRefusedByTheStandInAndReportedClearly() {
    String wrongKey = "wrongSecretKey0123456789abcdefghij";
    CallbackConfirmer confirmer = new CallbackConfirmer(
        new CosSignedCiApi(CI.endpoint(), SECRET_ID, wrongKey, null, Duration.ofSeconds(2)), CallbackReader.tolerant());
    Callback genuine = CallbackReader.tolerant().read(Fixtures.bytes(JOB)).callback().orElseThrow();
    assertThatThrownBy(() -> confirmer.confirm(genuine))
        .isInstanceOf(ConfirmationUnavailableException.class)
        .hasMessage("CI's API refused the credentials (403 SignatureDoesNotMatch): check ci-callback.confirm.secret-id,"
            + " secret-key and the CAM policy (see docs/authenticity.md)")
        .hasMessageNotContaining(wrongKey);
    assertThat(CI.refused).containsExactly("signature differs");
    // the right key, through the same signer: confirmed
    CallbackConfirmer right = new CallbackConfirmer(
        new CosSignedCiApi(CI.endpoint(), SECRET_ID, SECRET_KEY, null, Duration.ofSeconds(2)),
        CallbackReader.tolerant());
    assertThat(right.confirm(genuine).confirmed()).isTrue();
  }

  private static String text(String fixture) {
    return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> post(String path, byte[] body, String type) throws Exception {
    return AuthenticityService.post(port, path, body, type);
  }
}
