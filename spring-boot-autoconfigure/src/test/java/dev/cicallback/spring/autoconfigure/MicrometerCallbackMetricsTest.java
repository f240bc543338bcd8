package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ReadResult;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MicrometerCallbackMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerCallbackMetrics metrics = new MicrometerCallbackMetrics(registry);

  private static Map<String, String> tags(Meter meter) {
    return meter.getId().getTags().stream().collect(Collectors.toMap(t -> t.getKey(), t -> t.getValue()));
  }

  @Test
  void aJobIsTaggedWithItsEventTagAndState() {
    metrics.record(CallbackOutcome.VALID,
        CallbackReader.tolerant().read(Fixtures.bytes("xml/valid-seed-case1-task-api.xml")), 1_000);
    var counter = registry.get(MicrometerCallbackMetrics.RECEIVED).counter();
    ReadResult read = CallbackReader.tolerant().read(Fixtures.bytes("xml/valid-seed-case1-task-api.xml"));
    assertThat(tags(counter)).containsEntry("event", "TaskFinish")
        .containsEntry("tag", read.tags().get(0))
        .containsEntry("state", read.callback().orElseThrow().getJobsDetail().get(0).getState().value())
        .containsEntry("outcome", "valid");
    assertThat(counter.count()).isEqualTo(1.0);
    assertThat(registry.get(MicrometerCallbackMetrics.READ).tag("outcome", "valid").timer().count()).isEqualTo(1);
  }

  @Test
  void aModerationCallbackIsTaggedWithItsKindAndState() {
    metrics.record(CallbackOutcome.INVALID, CallbackReader.tolerant().read(
        Fixtures.bytes("json/moderation/valid-auditing-live-detail-running-auditing.json")), 1);
    assertThat(tags(registry.get(MicrometerCallbackMetrics.RECEIVED).counter()))
        .containsEntry("event", "moderation").containsEntry("tag", "LIVE_STREAM").containsEntry("state", "Auditing");
  }

  @Test
  void aWorkflowRunHasNoTagAndItsRunsState() {
    metrics.record(CallbackOutcome.VALID,
        CallbackReader.tolerant().read(Fixtures.bytes("json/valid-workflowfinish-qclouddocs-zh-case2.json")), 1);
    assertThat(tags(registry.get(MicrometerCallbackMetrics.RECEIVED).counter()))
        .containsEntry("event", "WorkflowFinish").containsEntry("tag", "none").containsEntry("state", "Success");
  }

  @Test
  void whatWasNotReadIsUnknownAndTooLargeHasItsOwnOutcome() {
    metrics.record(CallbackOutcome.INVALID, CallbackReader.tolerant().read("<Response>".getBytes()), 1);
    metrics.record(CallbackOutcome.TOO_LARGE, null, 1);
    metrics.record(CallbackMetrics.KAFKA, CallbackOutcome.TOO_LARGE, null, 1);
    assertThat(registry.get(MicrometerCallbackMetrics.RECEIVED).counters()).extracting(MicrometerCallbackMetricsTest::tags)
        .containsExactlyInAnyOrder(
            Map.of("event", "unknown", "tag", "unknown", "state", "unknown", "outcome", "invalid", "transport", "http"),
            Map.of("event", "unknown", "tag", "unknown", "state", "unknown", "outcome", "too_large",
                "transport", "http"),
            Map.of("event", "unknown", "tag", "unknown", "state", "unknown", "outcome", "too_large",
                "transport", "kafka"));
  }

  @Test
  void tagsTheContractDoesNotKnowShareOneValueWhateverTheyAre() {
    String template = new String(
        Fixtures.bytes("xml/invalid-unknown-tag-transcodepro-with-its-operation.xml"), StandardCharsets.UTF_8);
    assertThat(template).contains("<Tag>TranscodePro</Tag>");
    for (int i = 0; i < 50; i++) {
      ReadResult read = CallbackReader.tolerant()
          .read(template.replace("<Tag>TranscodePro</Tag>", "<Tag>Made" + i + "</Tag>").getBytes(StandardCharsets.UTF_8));
      assertThat(read.isValid()).isTrue();
      metrics.record(CallbackOutcome.VALID, read, 1);
    }
    assertThat(registry.get(MicrometerCallbackMetrics.RECEIVED).counters()).singleElement()
        .satisfies(c -> {
          assertThat(tags(c)).containsEntry("tag", "other");
          assertThat(c.count()).isEqualTo(50.0);
        });
  }
}
