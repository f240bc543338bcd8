package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.model.json.MediaResult;
import dev.cicallback.model.json.Operation;
import dev.cicallback.model.json.Output;
import dev.cicallback.model.json.OutputFile;
import dev.cicallback.model.json.WorkflowExecution;
import dev.cicallback.model.json.WorkflowTask;
import dev.cicallback.model.moderation.json.ModerationJobsDetail;
import dev.cicallback.model.moderation.json.SimpleData;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.ModerationKind;
import dev.cicallback.validator.ReadResult;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Confirms a callback against CI's own record, since CI signs none: the record is fetched through {@link CiApi} with
 * the service's credentials and compared on the fields that matter. Transport-neutral (a servlet advice, a reactive
 * filter or a Kafka interceptor can call it) and thread-safe.
 *
 * <ul>
 *   <li>A job callback ({@code TaskFinish}): each job by its JobId, {@code GET /jobs/<JobId>} (DescribeMediaJob), read
 *       with {@link CallbackReader#readJobResponse}; Tag, State, Code (when the callback has one) and the outputs'
 *       objects ({@code Operation.Output}, {@code Operation.MediaResult.OutputFile}, when the callback has them) must
 *       agree.
 *   <li>A workflow run ({@code WorkflowFinish}): {@code GET /workflowexecution/<RunId>}, read the same way;
 *       WorkflowId, State, Object and each task's State and Type (by JobId) must agree.
 *   <li>A moderation job: {@code GET /<kind>/auditing/<JobId>} ({@code image}, {@code video} (live streams too),
 *       {@code audio}, {@code text}, {@code document}, {@code webpage}); State, Code, Result, Label and Object must
 *       agree (the Simple form: its {@code trace_id} as the JobId, and its result). CI's answer here is XML, which the
 *       contract does not model yet: its {@code JobsDetail}'s leaves are read with the JDK's parser, DTDs refused.
 * </ul>
 *
 * The event is what chooses the record (a {@code TaskFinish} without jobs, or claiming a run, finds none). A record
 * that does not exist, or differs, gives a {@link Confirmation} that is not confirmed and names the mismatch; an API
 * that cannot be asked throws {@link ConfirmationUnavailableException}; nothing passes unconfirmed.
 */
public final class CallbackConfirmer {

  private final CiApi api;
  private final CallbackReader reader;

  /** Asks {@code api}, reads its answers with {@code reader} (the tolerant reader: CI adds fields). */
  public CallbackConfirmer(CiApi api, CallbackReader reader) {
    this.api = Objects.requireNonNull(api, "api");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The outcome: confirmed, or not with what differs in words (never a credential). */
  public record Confirmation(boolean confirmed, String mismatch) {
    static final Confirmation CONFIRMED = new Confirmation(true, null);

    static Confirmation refused(String mismatch) {
      return new Confirmation(false, mismatch);
    }
  }

  /** Confirms a job or workflow callback: one call to CI's API per job, or one for the run. */
  public Confirmation confirm(Callback callback) {
    String event = callback.getEventName() == null ? null : callback.getEventName().value();
    if (callback.getWorkflowExecution() != null) {
      if (!"WorkflowFinish".equals(event)) {
        return Confirmation.refused("a workflow run in a " + event + " callback");
      }
      return confirmRun(callback.getWorkflowExecution());
    }
    if (!"TaskFinish".equals(event)) {
      return Confirmation.refused("a " + event + " callback without a workflow run");
    }
    if (callback.getJobsDetail().isEmpty()) {
      return Confirmation.refused("a TaskFinish callback without jobs");
    }
    for (JobsDetail job : callback.getJobsDetail()) {
      Confirmation one = confirmJob(job);
      if (!one.confirmed()) {
        return one;
      }
    }
    return Confirmation.CONFIRMED;
  }

  private Confirmation confirmJob(JobsDetail claimed) {
    String id = claimed.getJobId();
    if (id == null || id.isBlank()) {
      return Confirmation.refused("a job without JobId");
    }
    Optional<byte[]> answer = api.get("/jobs/" + segment(id));
    // CI answers an unknown JobId with 200 and <NonExistJobIds>, no JobsDetail
    if (answer.isEmpty() || !contains(answer.get(), "<JobsDetail")) {
      return Confirmation.refused("job " + id + ": no such job in CI's record");
    }
    Callback record = read(answer.get(), "job " + id);
    JobsDetail job = record.getJobsDetail().stream().filter(j -> id.equals(j.getJobId())).findFirst().orElse(null);
    if (job == null) {
      return Confirmation.refused("job " + id + ": no such job in CI's record");
    }
    List<String> differences = new ArrayList<>();
    differ(differences, "Tag", job.getTag(), claimed.getTag(), true);
    differ(differences, "State", value(job.getState()), value(claimed.getState()), true);
    differ(differences, "Code", job.getCode(), claimed.getCode(), false);
    Operation claimedOp = claimed.getOperation();
    Operation recordOp = job.getOperation();
    if (claimedOp != null && claimedOp.getOutput() != null) {
      differ(differences, "Operation.Output", objects(recordOp == null ? null : recordOp.getOutput()),
          objects(claimedOp.getOutput()), true);
    }
    if (claimedOp != null && claimedOp.getMediaResult() != null) {
      differ(differences, "Operation.MediaResult.OutputFile",
          objects(recordOp == null ? null : recordOp.getMediaResult()), objects(claimedOp.getMediaResult()), true);
    }
    return differences.isEmpty() ? Confirmation.CONFIRMED
        : Confirmation.refused("job " + id + ": " + String.join("; ", differences));
  }

  private Confirmation confirmRun(WorkflowExecution claimed) {
    String id = claimed.getRunId();
    if (id == null || id.isBlank()) {
      return Confirmation.refused("a workflow run without RunId");
    }
    Optional<byte[]> answer = api.get("/workflowexecution/" + segment(id));
    if (answer.isEmpty() || !contains(answer.get(), "<WorkflowExecution")) {
      return Confirmation.refused("workflow run " + id + ": no such run in CI's record");
    }
    WorkflowExecution run = read(answer.get(), "workflow run " + id).getWorkflowExecution();
    if (run == null || !id.equals(run.getRunId())) {
      return Confirmation.refused("workflow run " + id + ": no such run in CI's record");
    }
    List<String> differences = new ArrayList<>();
    differ(differences, "WorkflowId", run.getWorkflowId(), claimed.getWorkflowId(), true);
    differ(differences, "State", value(run.getState()), value(claimed.getState()), true);
    differ(differences, "Object", run.getObject(), claimed.getObject(), true);
    Map<String, WorkflowTask> tasks = new HashMap<>();
    run.getTasks().forEach(t -> tasks.put(t.getJobId(), t));
    for (WorkflowTask task : claimed.getTasks()) {
      if (task.getJobId() == null || task.getJobId().isEmpty()) {
        continue; // a node that ran no job
      }
      WorkflowTask recorded = tasks.get(task.getJobId());
      if (recorded == null) {
        differences.add("task " + task.getJobId() + " is not in CI's record");
        continue;
      }
      differ(differences, "task " + task.getJobId() + " State", value(recorded.getState()), value(task.getState()),
          true);
      differ(differences, "task " + task.getJobId() + " Type", recorded.getType(), task.getType(), true);
    }
    return differences.isEmpty() ? Confirmation.CONFIRMED
        : Confirmation.refused("workflow run " + id + ": " + String.join("; ", differences));
  }

  /** Confirms a content-moderation callback: one call to its kind's query API. */
  public Confirmation confirm(ModerationCallback callback) {
    String kind = switch (callback.kind()) {
      case IMAGE -> "image";
      case VIDEO, LIVE_STREAM -> "video";
      case AUDIO -> "audio";
      case TEXT -> "text";
      case DOCUMENT -> "document";
      case WEB_PAGE -> "webpage";
    };
    String id;
    Map<String, String> claimed = new HashMap<>();
    if (callback.detail().isPresent()) {
      ModerationJobsDetail job = callback.detail().get().getJobsDetail();
      id = job == null ? null : job.getJobId();
      if (job != null) {
        claimed.put("State", job.getState() == null ? null : job.getState().value());
        claimed.put("Code", job.getCode());
        claimed.put("Result", job.getResult() == null ? null : job.getResult().toString());
        claimed.put("Label", job.getLabel());
        claimed.put("Object", job.getObject());
      }
    } else {
      SimpleData data = callback.simple().orElseThrow().getData();
      id = data == null ? null : data.getTraceId();
      if (data != null) {
        claimed.put("Result", data.getResult() == null ? null : data.getResult().toString());
      }
    }
    if (id == null || id.isBlank()) {
      return Confirmation.refused("a " + name(callback.kind()) + " moderation callback without a JobId");
    }
    Optional<byte[]> answer = api.get("/" + kind + "/auditing/" + segment(id));
    String what = name(callback.kind()) + " moderation job " + id;
    if (answer.isEmpty()) {
      return Confirmation.refused(what + ": no such job in CI's record");
    }
    Map<String, String> record = moderationRecord(answer.get(), what);
    if (!id.equals(record.get("JobId"))) {
      return Confirmation.refused(what + ": no such job in CI's record");
    }
    List<String> differences = new ArrayList<>();
    for (String field : List.of("State", "Code", "Result", "Label", "Object")) {
      if (claimed.get(field) != null) {
        differ(differences, field, record.get(field), claimed.get(field), true);
      }
    }
    return differences.isEmpty() ? Confirmation.CONFIRMED
        : Confirmation.refused(what + ": " + String.join("; ", differences));
  }

  private Callback read(byte[] answer, String what) {
    ReadResult read = reader.readJobResponse(answer);
    if (read.callback().isEmpty()) {
      String first = read.problems().isEmpty() ? "not a job answer" : read.problems().get(0).message();
      throw new ConfirmationUnavailableException("CI's answer for " + what + " cannot be read: " + first);
    }
    return read.callback().get();
  }

  /** The leaves of {@code Response/JobsDetail} in a moderation query's answer. */
  private static Map<String, String> moderationRecord(byte[] answer, String what) {
    Map<String, String> leaves = new HashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer)).getDocumentElement();
      for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element detail && "JobsDetail".equals(detail.getTagName())) {
          for (Node leaf = detail.getFirstChild(); leaf != null; leaf = leaf.getNextSibling()) {
            if (leaf instanceof Element e && e.getElementsByTagName("*").getLength() == 0) {
              leaves.put(e.getTagName(), e.getTextContent().strip());
            }
          }
          break;
        }
      }
    } catch (Exception e) {
      throw new ConfirmationUnavailableException("CI's answer for " + what + " cannot be read as XML");
    }
    return leaves;
  }

  private static void differ(List<String> differences, String field, String record, String claimed, boolean always) {
    if (!always && claimed == null) {
      return;
    }
    if (!Objects.equals(blankToNull(record), blankToNull(claimed))) {
      differences.add(field + " is " + shown(record) + " in CI's record, " + shown(claimed) + " in the callback");
    }
  }

  /** The objects an output names: region, bucket and each object key, in a stable order. */
  private static String objects(Output output) {
    if (output == null) {
      return null;
    }
    return String.join(" ", nonNull(output.getRegion(), output.getBucket(), output.getObject(),
        output.getSpriteObject(), output.getAuObject(), output.getBassObject(), output.getDrumObject()));
  }

  private static String objects(MediaResult result) {
    OutputFile file = result == null ? null : result.getOutputFile();
    if (file == null) {
      return null;
    }
    List<String> parts = new ArrayList<>(nonNull(file.getRegion(), file.getBucket(), file.getObjectPrefix()));
    parts.addAll(file.getObjectName());
    return String.join(" ", parts);
  }

  private static List<String> nonNull(String... values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        kept.add(value);
      }
    }
    return kept;
  }

  private static String value(Object enumValue) {
    if (enumValue == null) {
      return null;
    }
    return enumValue instanceof JobsDetail.State s ? s.value()
        : enumValue instanceof WorkflowExecution.WorkflowState w ? w.value() : enumValue.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A value as a log line may show it: quoted, at most 100 characters, without line breaks. */
  private static String shown(String value) {
    if (blankToNull(value) == null) {
      return "absent";
    }
    String one = value.replaceAll("[\\r\\n\\t]", " ");
    return "\"" + (one.length() > 100 ? one.substring(0, 100) + "..." : one) + "\"";
  }

  private static String name(ModerationKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static boolean contains(byte[] answer, String text) {
    return new String(answer, StandardCharsets.UTF_8).contains(text);
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
