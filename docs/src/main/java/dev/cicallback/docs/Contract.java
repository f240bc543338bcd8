package dev.cicallback.docs;

import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Everything the documentation shows, read from {@code schema/}: the node tree, the differences, the fixtures. */
final class Contract {

  /** A fixture with what it shows. */
  record Example(String file, String format, boolean valid, String note, String content) {}

  final DocNode root;
  /** Each difference from Tencent's docs, stated once, with the nodes it concerns. */
  final Map<String, List<DocNode>> differences = new LinkedHashMap<>();
  /** The Chinese text of a difference, by its English text, where the schema gives one. */
  final Map<String, String> differencesZh = new LinkedHashMap<>();
  /** The contract's version: the entry XSD's {@code version}, else the project's (set by {@link DocsGenerator}). */
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
      if (node.differences.contains(difference)) {
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
    XsdContract xsd = XsdContract.read(schemaDir.resolve("xml"));
    Contract contract = new Contract(xsd.tree());
    contract.version = xsd.version();
    DocNode operation = contract.root.flatten().stream()
        .filter(n -> n.path.equals("Response/JobsDetail/Operation")).findFirst().orElseThrow();
    Map<String, List<String>> parts = xsd.partsByTag();
    for (String tag : xsd.tags()) {
      List<String> names = parts.getOrDefault(tag, List.of());
      contract.tags.put(tag, operation.children.stream().filter(c -> names.contains(c.name)).toList());
    }
    JsonContract json = new JsonContract(schemaDir.resolve("json"));
    for (DocNode node : contract.root.flatten()) {
      for (String difference : node.differences) {
        contract.differences.computeIfAbsent(difference, d -> new ArrayList<>()).add(node);
      }
      node.differencesZh.forEach(contract.differencesZh::putIfAbsent);
      if (node.parent == null) {
        node.jsonForm = "the root object itself: the JSON form has no Response wrapper";
        continue;
      }
      List<String> names = Arrays.asList(node.path.substring("Response/".length()).split("/"));
      JsonContract.Property property = json.property(names);
      if (property == null) {
        throw new IllegalStateException("the JSON Schema does not declare " + node.path);
      }
      boolean required = node.minOccurs > 0;
      node.jsonForm = json.form(property, required);
    }
    contract.readExamples(schemaDir.resolve("examples"));
    return contract;
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
    collect(root, root.getLocalName() == null ? root.getTagName() : root.getTagName(), values);
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
