package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackKeysTest {

  @Test
  void aJobIsKeyedByItsJobIdAndARunByItsRunId() {
    Callback job = CallbackReader.tolerant().read(Fixtures.bytes("xml/valid-seed-case1-task-api.xml")).callback().get();
    Callback run = CallbackReader.tolerant()
        .read(Fixtures.bytes("json/valid-workflowfinish-qclouddocs-zh-case2.json")).callback().get();
    assertThat(CallbackKeys.of(job)).contains("TaskFinish:j707f4864f86811ecb90d0b03267ce0e5");
    assertThat(CallbackKeys.of(run)).contains("WorkflowFinish:" + run.getWorkflowExecution().getRunId());
  }

  @Test
  void severalJobsAreOneKeyAndNoIdIsNoKey() {
    JobsDetail a = new JobsDetail();
    a.setJobId("ja");
    JobsDetail b = new JobsDetail();
    b.setJobId("jb");
    Callback two = new Callback();
    two.setJobsDetail(List.of(a, b));
    assertThat(CallbackKeys.of(two)).contains("TaskFinish:ja,jb");
    Callback none = new Callback();
    none.setJobsDetail(List.of(new JobsDetail()));
    assertThat(CallbackKeys.of(none)).isEmpty();
  }

  @Test
  void aModerationIsKeyedByJobIdAndStateOrByTraceIdAndALiveStreamsBatchesAreNot() {
    assertThat(CallbackKeys.of(moderation("valid-auditing-document-detail-intldocs-content.json")))
        .contains("Moderation:6666666666666666666666666666666666:Success");
    assertThat(CallbackKeys.of(moderation("valid-auditing-image-simple-intldocs-sample1.json")))
        .contains("ModerationSimple:ixzt90jl2dfscxxxxxxxxxxxxxxxxx");
    ModerationCallback batch = moderation("valid-auditing-live-detail-running-auditing.json");
    assertThat(batch.detail().get().getJobsDetail().getState().value()).isEqualTo("Auditing");
    assertThat(CallbackKeys.of(batch)).isEmpty();
    var video = (ModerationCallback.Detail) moderation("valid-auditing-video-detail-intldocs-sample2.json");
    video.body().getJobsDetail().setJobId("");
    assertThat(CallbackKeys.of(video)).isEmpty();
  }

  private static ModerationCallback moderation(String name) {
    return CallbackReader.tolerant().read(Fixtures.bytes("json/moderation/" + name)).moderation().orElseThrow();
  }
}
