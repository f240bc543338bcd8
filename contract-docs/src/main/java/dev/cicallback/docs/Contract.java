package dev.cicallback.docs;

import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.ContractVersion;
import dev.cicallback.contract.Docs;
import dev.cicallback.contract.SchemaForm;
import dev.cicallback.contract.ValueType;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Everything the documentation shows: the node trees of the job and workflow callback and of both content-moderation
 * forms, the differences, the job Tags and the moderation kinds as the contract module reads {@code schema/}
 * ({@link dev.cicallback.contract.Contract}), and the fixtures of {@code schema/examples}.
 */
final class Contract {

  /** The entry the documentation describes: {@code xml/callback.xsd} and {@code json/callback.schema.json}. */
  private static final String ENTRY = dev.cicallback.contract.Contract.CALLBACK;

  /** A fixture with what it shows. */
  record Example(String file, String format, boolean valid, String note, String content) {}

  /** An entry the documentation shows, with its title in English and Chinese and its node tree. */
  record Entry(String name, String title, String titleZh, DocNode root) {}

  /** A content-moderation kind: its own parts are what {@code xml/moderation-<kind>.xsd} declares in JobsDetail. */
  record ModerationKind(String kind, String title, String titleZh, String event) {}

  /** The moderation kinds, in the order the documentation lists them. */
  static final List<ModerationKind> MODERATION_KINDS = List.of(
      new ModerationKind("image", "Image", "图片", "ReviewImage"),
      new ModerationKind("text", "Text", "文本", "ReviewText"),
      new ModerationKind("video", "Video", "视频", "ReviewVideo"),
      new ModerationKind("audio", "Audio", "音频", "ReviewAudio"),
      new ModerationKind("live", "Live stream", "直播流", "ReviewVideo with JobsDetail/Type live_video"),
      new ModerationKind("document", "Document", "文档", "ReviewDocument"),
      new ModerationKind("webpage", "Web page", "网页", "ReviewHtml"));

  /** The schema files of the moderation entries that declare no kind's own parts. */
  private static final java.util.Set<String> MODERATION_SHARED = java.util.Set.of("common", "results", "detail",
      "simple");

  /** The job and workflow callback. */
  final DocNode root;
  /** The content-moderation callback in its Detail form ({@code EventName}, {@code JobsDetail}). */
  final DocNode moderationDetail;
  /** The content-moderation callback in its Simple form ({@code code}, {@code message}, {@code data}). */
  final DocNode moderationSimple;
  /** Every entry shown: the job and workflow callback first, then the moderation forms. */
  final List<Entry> entries;
  /** Each difference from Tencent's docs, stated once, with the nodes it concerns. */
  final Map<String, List<DocNode>> differences = new LinkedHashMap<>();
  /** The Chinese text of a difference, by its English text, where the schema gives one. */
  final Map<String, String> differencesZh = new LinkedHashMap<>();
  /** The contract's version as both forms state it, else the project's (set by {@link DocsGenerator}). */
  String version = "";
  /** When the contract last changed, yyyy-mm-dd, as contract-docs/pom.xml states it (set by {@link DocsGenerator}). */
  String date = "";
  final List<Example> examples = new ArrayList<>();
  /** Each job Tag the contract knows, with the Operation parts it adds (empty: the common parts only). */
  final Map<String, List<DocNode>> tags = new LinkedHashMap<>();
  /** The fixtures of each job Tag (and of WorkflowFinish), by file. */
  final Map<String, List<String>> examplesByKind = new LinkedHashMap<>();
  /** Each moderation kind ({@link #MODERATION_KINDS}) with the JobsDetail parts its own schema file declares. */
  final Map<ModerationKind, List<DocNode>> moderationKinds = new LinkedHashMap<>();
  /** The fixtures of each moderation kind (either form), by file. */
  final Map<String, List<String>> examplesByModerationKind = new LinkedHashMap<>();
  /** The fixtures of the Simple moderation form, by file. */
  final List<String> simpleModerationExamples = new ArrayList<>();

  private Contract(DocNode root, DocNode moderationDetail, DocNode moderationSimple) {
    this.root = root;
    this.moderationDetail = moderationDetail;
    this.moderationSimple = moderationSimple;
    this.entries = List.of(
        new Entry(ENTRY, "Job and workflow callback", "任务与工作流回调", root),
        new Entry(moderationDetail.entry, "Content-moderation callback, Detail form", "内容审核回调（详细回调 Detail）",
            moderationDetail),
        new Entry(moderationSimple.entry, "Content-moderation callback, Simple form", "内容审核回调（简洁回调 Simple）",
            moderationSimple));
  }

  /** Every node of every entry, entry by entry, depth first. */
  List<DocNode> allNodes() {
    List<DocNode> all = new ArrayList<>();
    for (Entry entry : entries) {
      all.addAll(entry.root().flatten());
    }
    return all;
  }

  /** The 1-based numbers, in the differences section, of the differences that concern {@code node}. */
  List<Integer> differenceNumbers(DocNode node) {
    List<Integer> numbers = new ArrayList<>();
    int number = 1;
    for (String difference : differences.keySet()) {
      if (node.hasDifference(difference)) {
        numbers.add(number);
      }
      number++;
    }
    return numbers;
  }

  /** The text of difference {@code number}. */
  String difference(int number) {
    return new ArrayList<>(differences.keySet()).get(number - 1);
  }

  static Contract read(Path schemaDir) throws Exception {
    dev.cicallback.contract.Contract schema = dev.cicallback.contract.Contract.of(schemaDir);
    ContractNode xsdRoot = schema.root(SchemaForm.XSD, ENTRY);
    String detail = dev.cicallback.contract.Contract.MODERATION_DETAIL;
    String simple = dev.cicallback.contract.Contract.MODERATION_SIMPLE;
    Contract contract = new Contract(node(xsdRoot, schema.root(SchemaForm.JSON_SCHEMA, ENTRY), null, ""),
        node(schema.root(SchemaForm.XSD, detail), schema.root(SchemaForm.JSON_SCHEMA, detail), null, detail),
        node(schema.root(SchemaForm.XSD, simple), schema.root(SchemaForm.JSON_SCHEMA, simple), null, simple));
    contract.version = schema.version().map(ContractVersion::text).orElse("");
    // The job Tags are the values of JobsDetail/Tag; a Tag's own Operation parts are declared in <Tag>OperationParts.
    List<DocNode> operationParts = contract.root.child("JobsDetail").child("Operation").children;
    ValueType tagValues = xsdRoot.child("JobsDetail").child("Tag").value();
    if (tagValues.enumeration() == null) {
      throw new IllegalStateException("the contract does not enumerate the values of Response/JobsDetail/Tag");
    }
    for (String tag : tagValues.enumeration()) {
      contract.tags.put(tag, operationParts.stream()
          .filter(part -> part.group.equals(tag + "OperationParts")).toList());
    }
    contract.readModerationKinds();
    for (DocNode node : contract.allNodes()) {
      for (Docs.Note difference : node.differences) {
        contract.differences.computeIfAbsent(difference.en(), d -> new ArrayList<>()).add(node);
        if (!difference.zh().isEmpty()) {
          contract.differencesZh.putIfAbsent(difference.en(), difference.zh());
        }
      }
    }
    contract.readExamples(schemaDir.resolve("examples"));
    return contract;
  }

  /** The node for {@code xsd} and, from the JSON Schema form, {@code json}, with all the nodes below them. */
  private static DocNode node(ContractNode xsd, ContractNode json, DocNode parent, String entry) {
    DocNode node = new DocNode(xsd, json, parent, entry);
    for (ContractNode child : xsd.children().values()) {
      ContractNode jsonChild = json.child(child.name());
      if (jsonChild == null) {
        throw new IllegalStateException("the JSON Schema does not declare " + node.label() + "/" + child.name());
      }
      node.children.add(node(child, jsonChild, node, entry));
    }
    return node;
  }

  private static final java.util.regex.Pattern MODERATION_FILE =
      java.util.regex.Pattern.compile("xml/moderation-([a-z]+)\\.xsd");

  /** Each kind's own JobsDetail parts: those declared in its {@code xml/moderation-<kind>.xsd}. */
  private void readModerationKinds() {
    List<DocNode> parts = moderationDetail.child("JobsDetail").children;
    for (DocNode part : parts) {
      java.util.regex.Matcher file = MODERATION_FILE.matcher(part.declaredIn);
      if (!file.matches()) {
        throw new IllegalStateException(part.label() + " is declared outside the moderation files: " + part.declaredIn);
      }
      String kind = file.group(1);
      if (!MODERATION_SHARED.contains(kind) && MODERATION_KINDS.stream().noneMatch(k -> k.kind().equals(kind))) {
        throw new IllegalStateException("the docs know no moderation kind " + kind + " (" + part.declaredIn + ")");
      }
    }
    for (ModerationKind kind : MODERATION_KINDS) {
      String file = "xml/moderation-" + kind.kind() + ".xsd";
      moderationKinds.put(kind, parts.stream().filter(part -> part.declaredIn.equals(file)).toList());
    }
  }

  private void readExamples(Path examplesDir) throws Exception {
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(examplesDir)) {
      fixtures = files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")) // not their .problems files
          .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().contains("seed"))
              .thenComparing(p -> p.getFileName().toString().startsWith("invalid-"))
              .thenComparing(Path::toString))
          .toList();
    }
    CallbackValidator validator = CallbackValidator.strict();
    Map<String, String> values = new LinkedHashMap<>();
    for (Path fixture : fixtures) {
      String name = fixture.getFileName().toString();
      String format = name.endsWith(".xml") ? "xml" : "json";
      String file = examplesDir.relativize(fixture).toString().replace('\\', '/');
      byte[] bytes = Files.readAllBytes(fixture);
      ValidationResult result = validator.validate(bytes);
      String note = note(name, result);
      String content = new String(bytes, StandardCharsets.UTF_8);
      examples.add(new Example(file, format, result.isValid(), note, content));
      for (String kind : kinds(content)) {
        examplesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(file);
      }
      String moderationKind = moderationKind(name, content);
      boolean simple = name.contains("-simple-") || SIMPLE_EVENT.matcher(content).find();
      if (moderationKind != null) {
        examplesByModerationKind.computeIfAbsent(moderationKind, k -> new ArrayList<>()).add(file);
        if (simple) {
          simpleModerationExamples.add(file);
        }
      }
      if (result.isValid() && format.equals("xml")) {
        collectValues(bytes, values);
      } else if (result.isValid() && moderationKind != null) {
        collectJsonValues(bytes, simple ? simpleValues : detailValues);
      }
    }
    for (DocNode node : root.flatten()) {
      node.example = values.getOrDefault(node.path, "");
    }
    for (DocNode node : moderationDetail.flatten()) {
      node.example = detailValues.getOrDefault(node.path, "");
    }
    for (DocNode node : moderationSimple.flatten()) {
      node.example = simpleValues.getOrDefault(node.path, "");
    }
  }

  /** Values from valid Detail moderation fixtures, by path from Response. */
  private final Map<String, String> detailValues = new LinkedHashMap<>();
  /** Values from valid Simple moderation fixtures, by path from Response. */
  private final Map<String, String> simpleValues = new LinkedHashMap<>();

  private static final java.util.regex.Pattern DETAIL_EVENT =
      java.util.regex.Pattern.compile("\"EventName\"\\s*:\\s*\"(Review\\w+)\"");
  private static final java.util.regex.Pattern SIMPLE_EVENT =
      java.util.regex.Pattern.compile("\"event\"\\s*:\\s*\"(Review\\w+)\"");
  private static final java.util.regex.Pattern LIVE =
      java.util.regex.Pattern.compile("\"Type\"\\s*:\\s*\"live_video\"");

  private static final java.util.regex.Pattern KIND_IN_NAME =
      java.util.regex.Pattern.compile("-auditing-([a-z]+)-");

  /**
   * The moderation kind of a fixture: the one its name gives ({@code valid-auditing-<kind>-...}; a published live
   * stream sample may lack Type live_video, and an invalid fixture may lack its event), else the one its text names by
   * its event (EventName, or event in the Simple form; a live stream is ReviewVideo with Type live_video); null when
   * neither names one of {@link #MODERATION_KINDS}.
   */
  private static String moderationKind(String name, String content) {
    java.util.regex.Matcher named = KIND_IN_NAME.matcher(name);
    if (named.find() && MODERATION_KINDS.stream().anyMatch(k -> k.kind().equals(named.group(1)))) {
      return named.group(1);
    }
    java.util.regex.Matcher event = DETAIL_EVENT.matcher(content);
    if (!event.find()) {
      event = SIMPLE_EVENT.matcher(content);
      if (!event.find()) {
        return null;
      }
    }
    String eventName = event.group(1);
    if (eventName.equals("ReviewVideo") && LIVE.matcher(content).find()) {
      return "live";
    }
    return MODERATION_KINDS.stream().filter(k -> k.event().equals(eventName)).map(ModerationKind::kind).findFirst()
        .orElse(null);
  }

  private static void collectJsonValues(byte[] json, Map<String, String> values) throws Exception {
    collect(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "Response", values);
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode node, String path, Map<String, String> values) {
    if (node.isObject()) {
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field : node.properties()) {
        collect(field.getValue(), path + "/" + field.getKey(), values);
      }
    } else if (node.isArray()) {
      for (com.fasterxml.jackson.databind.JsonNode item : node) {
        collect(item, path, values);
      }
    } else if (!node.isNull() && !node.asText().isBlank()) {
      String text = node.asText();
      values.putIfAbsent(path, text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
  }

  private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile(
      "<Tag>(\\w+)</Tag>|\"Tag\"\\s*:\\s*\"(\\w+)\"|(WorkflowExecution)");

  /** The job Tags (of this contract) and WorkflowFinish a fixture's text names. */
  private java.util.Set<String> kinds(String content) {
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    java.util.regex.Matcher m = KIND.matcher(content);
    while (m.find()) {
      String kind = m.group(3) != null ? "WorkflowFinish" : m.group(1) != null ? m.group(1) : m.group(2);
      if (kind.equals("WorkflowFinish") || tags.containsKey(kind)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  private static String note(String name, ValidationResult result) {
    String seed = switch (name) {
      case "valid-seed-case1-task-api.xml" -> "Case 1 of the seed document (a job submitted through the API), verbatim. ";
      case "valid-seed-workflow.xml" -> "Case 2 of the seed document (a job a workflow started), verbatim. ";
      case "invalid-seed-case3-verbatim-audio-array-not-closed.json" ->
          "Case 3 of the seed document, verbatim: as published it is not JSON. ";
      case "valid-seed-workflow.json" -> "Case 3 of the seed document with its one correction: `]` added at the end"
          + " of line 33 to close the `Audio` array. It is the JSON twin of case 2. ";
      default -> "";
    };
    if (result.isValid()) {
      return seed + "Valid.";
    }
    Problem first = result.errors().get(0);
    return seed + "Invalid: " + first.message() + " (line " + first.line() + ", column " + first.column()
        + (first.location().isEmpty() ? "" : ", " + first.location()) + ").";
  }

  private static void collectValues(byte[] xml, Map<String, String> values) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml)).getDocumentElement();
    collect(root, root.getTagName(), values);
  }

  private static void collect(Element element, String path, Map<String, String> values) {
    boolean leaf = true;
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        leaf = false;
        collect(child, path + "/" + child.getTagName(), values);
      }
    }
    String text = element.getTextContent();
    if (leaf && !text.isBlank()) {
      values.putIfAbsent(path, text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
  }

}
