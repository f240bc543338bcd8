package dev.cicallback.docs;

import java.util.List;

/** The prose both renderings open with: what the callback is and how its two wire forms differ. */
final class Overview {

  static final String TITLE = "CI job, workflow and content-moderation callbacks: the contract";

  static final String BY_TAG =
      "Every job callback shares the envelope (Response, EventName, JobsDetail) and the common Operation parts"
          + " (TemplateId, TemplateName, Output, MediaInfo, MediaResult, UserData, JobLevel, ...); each Tag adds its own"
          + " parts, listed here. Operation is their union: XSD 1.0 cannot make Operation depend on Tag, so a part is"
          + " accepted under any Tag and checked wherever it is. A Tag not listed is an unknown node in strict mode"
          + " and a warning in tolerant mode, which reads the job and keeps its Operation as it came.";

  static final String BY_MODERATION_KIND_TITLE_ZH = "按审核类型";

  /** The introduction of the moderation kinds' index: English and Chinese. */
  static final String[] BY_MODERATION_KIND = {
    "A content-moderation callback in its Detail form carries EventName and JobsDetail; JobsDetail holds the parts"
        + " every kind shares (JobId, State, Result, Label, the scene results PornInfo, AdsInfo, ...) and each kind's"
        + " own parts, listed here. As Operation is for job Tags, JobsDetail is their union: a part is accepted under"
        + " any kind. The Simple form (code, message, data, snake_case names) is one shape for image, text, video,"
        + " audio and live stream moderation.",
    "内容审核回调的详细回调（Detail）包含 EventName 和 JobsDetail；JobsDetail 包含各类审核共有的节点（JobId、State、Result、Label 及"
        + " PornInfo、AdsInfo 等场景结果）和各类审核的专有节点（见下表）。与任务类型的 Operation 相同，JobsDetail 是这些节点的并集："
        + "任一节点在任一审核类型下均可出现。简洁回调（Simple：code、message、data，节点名为蛇形命名）在图片、文本、视频、音频和直播流审核中"
        + "形式相同。"
  };

  /** What the page is, for a reader who lands on it: English and Chinese. */
  static final String[] INTRO = {
    "What Tencent Cloud Infinite (CI) POSTs to your callback URL when a job, a workflow run or a content-moderation"
        + " job finishes: every node of the XML and the JSON form, with its cardinality, type, allowed values and an example from a real payload,"
        + " and where payloads differ from Tencent's published docs.",
    "数据万象（CI）在任务、工作流实例或内容审核任务结束时向回调地址发送的回调内容：XML 和 JSON 两种格式的全部节点，包括出现次数、类型、取值范围和"
        + "取自真实回调的示例，以及回调内容与腾讯云官方文档不一致之处。"
  };

  /** Tencent's documentation of CI: the Chinese site and the international one, each with its link text. */
  static final List<String[]> TENCENT_DOCS = List.of(
      new String[] {"https://cloud.tencent.com/document/product/460", "数据万象文档 (cloud.tencent.com)"},
      new String[] {"https://www.tencentcloud.com/document/product/1045",
        "Cloud Infinite documentation (tencentcloud.com, international)"});

  static final String DIFFERENCES_TITLE_ZH = "与腾讯云文档的差异";

  /** The differences section's introduction: English and Chinese. */
  static final String[] DIFFERENCES = {
    "Where Tencent's published pages, their samples, the SDK models and real payloads disagree, the contract accepts"
        + " what callbacks carry. Each note says what differs from which of them and links the nodes it concerns.",
    "腾讯云文档、文档中的示例、SDK 模型与实际回调内容不一致时，本契约以实际回调为准。每条说明指出与哪份资料不一致、差异是什么，"
        + "并链接到相关节点。说明原文为英文，提供中文译文的附在其后。"
  };

  static final String GENERATED =
      "Generated from schema/ by the contract-docs module; do not edit. Regenerate with"
          + " `mvn -q -pl contract-docs -am verify` (bin/test does it too) and commit generated-docs/.";

  /** Paragraphs, each an English sentence group and its Chinese twin. */
  static final List<String[]> PARAGRAPHS = List.of(
      new String[] {
        "When a job (any Tag: Tts, Transcode, Snapshot, ...) or a workflow run finishes, Tencent Cloud Infinite (CI)"
            + " sends an HTTP POST to the callback URL of the job, its queue or its workflow. The body is XML by default"
            + " (root element Response, no namespace) or JSON (CallBackFormat=JSON). A job callback carries"
            + " EventName=TaskFinish and the JobsDetail of the job; a workflow callback EventName=WorkflowFinish and"
            + " the WorkflowExecution of the run. It is not signed.",
        "任务（任意类型：Tts、Transcode、Snapshot 等）或工作流实例结束后，数据万象向任务、队列或工作流配置的回调地址发送 HTTP POST 请求。"
            + "请求体默认为 XML（根节点 Response，无命名空间），也可为 JSON（CallBackFormat=JSON）。任务回调包含 EventName=TaskFinish"
            + " 和任务的 JobsDetail；工作流回调包含 EventName=WorkflowFinish 和工作流实例的 WorkflowExecution。回调内容没有签名。"
      },
      new String[] {
        "The JSON form has no Response wrapper: its root object holds EventName and JobsDetail (or WorkflowExecution). A node that may repeat"
            + " is an object (or string) when it occurs once and an array when it occurs more often, and published"
            + " samples use both shapes for single nodes. Empty elements are left out. Leaves are strings; numeric"
            + " leaves may also be JSON numbers.",
        "JSON 格式没有 Response 外层：根对象直接包含 EventName 和 JobsDetail（或 WorkflowExecution）。可重复的节点出现一次时为对象（或字符串），"
            + "出现多次时为数组，已发布的样例对单个节点两种写法都有。空节点不输出。叶子节点为字符串，数值节点也可为 JSON 数字。"
      },
      new String[] {
        "Children may come in any order. Job timestamps are written 2022-06-30T19:33:18+0800 (no colon in the offset),"
            + " workflow ones 2022-08-09 14:54:17+0800 (a space for the T), or \"-\" for a time that has not happened. Cardinality: 1 = exactly once, 0..1 = optional, 0..n and 1..n ="
            + " repeatable.",
        "子节点的顺序不固定。任务的时间格式为 2022-06-30T19:33:18+0800（时区偏移不含冒号），工作流的为 2022-08-09 14:54:17+0800"
            + "（以空格代替 T），尚未发生的时间为 \"-\"。"
            + "出现次数：1 为必须且仅一次，0..1 为可选，0..n、1..n 为可重复。"
      },
      new String[] {
        "A content-moderation (auditing) job's callback has entries of its own, in two forms chosen by the callback"
            + " settings: Detail (EventName ReviewImage, ReviewText, ReviewVideo, ReviewAudio, ReviewDocument or"
            + " ReviewHtml, and JobsDetail) and Simple (code, message and data). CI sends both as JSON only; the"
            + " contract's XML reading of the same content has root Response, numbers as their decimal text and each"
            + " CosHeaders header as an element named after it. Their nodes are on the moderation pages.",
        "内容审核任务的回调有单独的契约，按回调设置分为两种形式：详细回调（Detail：EventName 为 ReviewImage、ReviewText、ReviewVideo、"
            + "ReviewAudio、ReviewDocument 或 ReviewHtml，以及 JobsDetail）和简洁回调（Simple：code、message 和 data）。"
            + "CI 仅以 JSON 发送这两种回调；契约对同一内容的 XML 表示以 Response 为根节点，数值写为十进制文本，CosHeaders 的每个头部"
            + "写为以其命名的节点。其节点见各内容审核页面。"
      });

  private Overview() {}
}
