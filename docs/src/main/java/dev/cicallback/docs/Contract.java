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
 * Everything the documentation shows: the node tree, the differences and the job Tags as the contract module reads
 * {@code schema/} ({@link dev.cicallback.contract.Contract}), and the fixtures of {@code schema/examples}.
 */
final class Contract {

  /** The entry the documentation describes: {@code xml/callback.xsd} and {@code json/callback.schema.json}. */
  private static final String ENTRY = "callback";

  /** A fixture with what it shows. */
  record Example(String file, String format, boolean valid, String note, String content) {}

  final DocNode root;
  /** Each difference from Tencent's docs, stated once, with the nodes it concerns. */
  final Map<String, List<DocNode>> differences = new LinkedHashMap<>();
  /** The Chinese text of a difference, by its English text, where the schema gives one. */
  final Map<String, String> differencesZh = new LinkedHashMap<>();
  /** The contract's version as both forms state it, else the project's (set by {@link DocsGenerator}). */
  String version = "";
  /** When the contract last changed, yyyy-mm-dd, as the docs module's pom states it (set by {@link DocsGenerator}). */
  String date = "";
  final List<Example> examples = new ArrayList<>();
  /** Each job Tag the contract knows, with the Operation parts it adds (empty: the common parts only). */
  final Map<String, List<DocNode>> tags = new LinkedHashMap<>();
  /** The fixtures of each job Tag (and of WorkflowFinish), by file. */
  final Map<String, List<String>> examplesByKind = new LinkedHashMap<>();

  private Contract(DocNode root) {
    this.root = root;
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
    Contract contract = new Contract(node(xsdRoot, schema.root(SchemaForm.JSON_SCHEMA, ENTRY), null));
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
    for (DocNode node : contract.root.flatten()) {
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
  private static DocNode node(ContractNode xsd, ContractNode json, DocNode parent) {
    DocNode node = new DocNode(xsd, json, parent);
    for (ContractNode child : xsd.children().values()) {
      ContractNode jsonChild = json.child(child.name());
      if (jsonChild == null) {
        throw new IllegalStateException("the JSON Schema does not declare " + node.path + "/" + child.name());
      }
      node.children.add(node(child, jsonChild, node));
    }
    return node;
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
      byte[] bytes = Files.readAllBytes(fixture);
      ValidationResult result = validator.validate(bytes);
      String note = note(name, result);
      String content = new String(bytes, StandardCharsets.UTF_8);
      examples.add(new Example(format + "/" + name, format, result.isValid(), note, content));
      for (String kind : kinds(content)) {
        examplesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(format + "/" + name);
      }
      if (result.isValid() && format.equals("xml")) {
        collectValues(bytes, values);
      }
    }
    for (DocNode node : root.flatten()) {
      node.example = values.getOrDefault(node.path, "");
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
