package dev.cicallback.cli.simulate;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every event {@code trigger} knows: one per job Tag of the contract ({@code <tag>-success}, from a callback Tencent
 * published for it where there is one, else from a callback constructed from Tencent's SDK structs), a failed and a
 * workflow-triggered TTS job, a workflow run, and the content-moderation callbacks of each kind and form Tencent
 * published ({@code moderation-<kind>-<form>}).
 */
public final class EventCatalogue {

  /** Where the build puts the fixtures (cli/pom.xml copies these from schema/examples). */
  static final String FIXTURES = "dev/cicallback/cli/simulate/fixtures/";

  private static final List<Event> EVENTS = List.of(
      new Event("tts-success", "xml/valid-seed-case1-task-api.xml", "TaskFinish, Tag Tts, State Success"),
      new Event("tts-failed", "xml/valid-failed-job.xml",
          "TaskFinish, Tag Tts, State Failed, with its Code and Message"),
      new Event("tts-workflow", "xml/valid-seed-workflow.xml",
          "TaskFinish, Tag Tts, State Success, run by a workflow (CosHeaders, Workflow)"),
      new Event("workflow-finish", "xml/valid-workflowfinish-gosdk-example-workflow.xml",
          "WorkflowFinish, State Success, one Transcode task"),
      tag("Animation", "xml/valid-animation-intldocs-sample1-jobapi.xml"),
      tag("Concat", "xml/valid-concat-intldocs-sample1-jobapi.xml"),
      tag("DigitalWatermark", "xml/valid-digitalwatermark-intldocs-sample1-jobapi.xml"),
      tag("DNA", "xml/valid-dna-constructed-from-gosdk.xml"),
      tag("DocAIGCMetadata", "xml/valid-docaigcmetadata-constructed-from-gosdk.xml"),
      tag("DocProcess", "xml/valid-docprocess-qclouddocs-sample1-jobapi.xml"),
      tag("DocWatermark", "xml/valid-docwatermark-constructed-from-gosdk.xml"),
      tag("ExtractDigitalWatermark", "xml/valid-extractdigitalwatermark-intldocs-sample1-jobapi.xml"),
      tag("FileCompress", "xml/valid-filecompress-constructed-from-gosdk.xml"),
      tag("FileHashCode", "xml/valid-filehashcode-constructed-from-gosdk.xml"),
      tag("FileUncompress", "xml/valid-fileuncompress-constructed-from-gosdk.xml"),
      tag("FillConcat", "xml/valid-fillconcat-constructed-from-gosdk.xml"),
      tag("GeneratePlayList", "xml/valid-generateplaylist-constructed-from-gosdk.xml"),
      tag("ImageInspect", "xml/valid-imageinspect-qclouddocs-sample1-jobapi.xml"),
      tag("ImageOCR", "xml/valid-imageocr-qclouddocs-sample1-jobapi-excerpt-closed.xml"),
      tag("MediaInfo", "xml/valid-mediainfo-intldocs-sample1-jobapi.xml"),
      tag("NoiseReduction", "xml/valid-noisereduction-intldocs-sample1-jobapi.xml"),
      tag("PicProcess", "xml/valid-picprocess-intldocs-sample1-jobapi.xml"),
      tag("PosterProduction", "xml/valid-posterproduction-constructed-from-gosdk.xml"),
      tag("QualityEstimate", "xml/valid-qualityestimate-intldocs-sample1-jobapi.xml"),
      tag("SDRtoHDR", "xml/valid-sdrtohdr-intldocs-sample1-jobapi.xml"),
      tag("Segment", "xml/valid-segment-intldocs-sample1-jobapi.xml"),
      tag("SegmentVideoBody", "xml/valid-segmentvideobody-constructed-from-gosdk.xml"),
      tag("SmartCover", "xml/valid-smartcover-intldocs-sample1-jobapi.xml"),
      tag("Snapshot", "xml/valid-snapshot-intldocs-sample1-jobapi.xml"),
      tag("SoundHound", "xml/valid-soundhound-qclouddocs-sample1-jobapi.xml"),
      tag("SpeechRecognition", "xml/valid-speechrecognition-en+zh-sample1-jobapi.xml"),
      tag("SplitVideoParts", "xml/valid-splitvideoparts-qclouddocs-sample1-jobapi-excerpt-closed.xml"),
      tag("StreamExtract", "xml/valid-streamextract-qclouddocs-sample1-jobapi.xml"),
      tag("SuperResolution", "xml/valid-superresolution-intldocs-sample1-jobapi.xml"),
      tag("Transcode", "xml/valid-transcode-intldocs-content.xml"),
      tag("Translation", "xml/valid-translation-intldocs-sample1-jobapi.xml"),
      tag("VideoEnhance", "xml/valid-videoenhance-constructed-from-gosdk.xml"),
      tag("VideoMontage", "xml/valid-videomontage-intldocs-sample1-jobapi.xml"),
      tag("VideoProcess", "xml/valid-videoprocess-intldocs-sample1-jobapi.xml"),
      tag("VideoSynthesis", "xml/valid-videosynthesis-constructed-from-gosdk.xml"),
      tag("VideoTag", "xml/valid-videotag-en-sample1-jobapi.xml"),
      tag("VideoTargetRec", "xml/valid-videotargetrec-qclouddocs-sample1-jobapi-excerpt-closed.xml"),
      tag("VocalScore", "xml/valid-vocalscore-qclouddocs-sample1-jobapi.xml"),
      tag("VoiceSeparate", "xml/valid-voiceseparate-intldocs-sample1-jobapi.xml"),
      tag("WordsGeneralize", "json/valid-wordsgeneralize-en-sample2-jobapi-fixed.json"),
      moderation("image", "Detail", "ReviewImage", "valid-auditing-image-detail-intldocs-sample1.json"),
      moderation("image", "Simple", "ReviewImage", "valid-auditing-image-simple-intldocs-sample1.json"),
      moderation("text", "Simple", "ReviewText", "valid-auditing-text-simple-intldocs-test-request.json"),
      moderation("video", "Detail", "ReviewVideo", "valid-auditing-video-detail-intldocs-sample2.json"),
      moderation("video", "Simple", "ReviewVideo", "valid-auditing-video-simple-docs-test-request.json"),
      moderation("audio", "Detail", "ReviewAudio", "valid-auditing-audio-detail-intldocs-sample1.json"),
      moderation("audio", "Simple", "ReviewAudio", "valid-auditing-audio-simple-docs-test-request-fixed.json"),
      moderation("live", "Detail", "ReviewVideo, Type live_video, State Auditing",
          "valid-auditing-live-detail-running-auditing.json"),
      moderation("document", "Detail", "ReviewDocument", "valid-auditing-document-detail-intldocs-content.json"),
      moderation("webpage", "Detail", "ReviewHtml", "valid-auditing-webpage-detail-intldocs-content.json"));

  private EventCatalogue() {}

  /** A content-moderation callback: JSON only, sent with {@code X-Ci-Content-Version: <form>}. */
  private static Event moderation(String kind, String form, String what, String fixture) {
    return new Event("moderation-" + kind + "-" + form.toLowerCase(java.util.Locale.ROOT), "json/moderation/" + fixture,
        "content moderation, " + what + ", " + form + " form (JSON only, X-Ci-Content-Version: " + form + ")",
        Optional.of(form));
  }

  private static Event tag(String tag, String fixture) {
    return new Event(tag.toLowerCase(java.util.Locale.ROOT) + "-success", fixture,
        "TaskFinish, Tag " + tag + ", State Success");
  }

  /** Every event, in the order {@code --list} shows them. */
  public static List<Event> all() {
    return EVENTS;
  }

  public static Optional<Event> find(String name) {
    return EVENTS.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** That {@code name} is no event, and where to see them. */
  public static String unknown(String name) {
    return "unknown event \"" + name + "\"; ci-callback trigger --list shows the "
        + EVENTS.size() + " events (" + EVENTS.stream().limit(4).map(Event::name).collect(Collectors.joining(", "))
        + ", ...)";
  }

  /** One line per event: its name, what it is, and the fixture it comes from. */
  public static List<String> listing() {
    int width = EVENTS.stream().mapToInt(e -> e.name().length()).max().orElse(0);
    return EVENTS.stream()
        .map(e -> e.name() + " ".repeat(width - e.name().length() + 2) + e.summary() + " (" + fileName(e) + ")")
        .toList();
  }

  private static String fileName(Event event) {
    return event.fixture().substring(event.fixture().lastIndexOf('/') + 1);
  }
}
