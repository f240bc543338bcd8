package dev.cicallback.compat;

import dev.cicallback.contract.Location;
import dev.cicallback.contract.UnreadableSchemaException;
import dev.cicallback.contract.ContractNode;
import dev.cicallback.compat.internal.TreeComparer;
import dev.cicallback.compat.internal.TreeComparer.Difference;
import dev.cicallback.contract.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares two contract folders by the payloads they accept. A folder is laid out like the project's
 * {@code schema/}: {@code xml/*.xsd} and {@code json/*.schema.json}, either form alone or both. An entry is a file
 * whose root says what a payload is (an XSD with global elements, a JSON Schema that is more than {@code $defs});
 * the XSD and the JSON Schema entries of one name ({@code callback.xsd}, {@code callback.schema.json}) are the two
 * forms of one contract, and a difference found in one of them only is also a {@link Rule#SIDES_DRIFT} finding,
 * unless it is a change of how often a node must occur after which the forms agree by the empty-element rule (a node
 * that may be empty in XML is optional in JSON: {@link ContractNode#jsonMin()}).
 *
 * <pre>{@code
 * DiffResult result = ContractDiff.compare(Path.of("release/baseline/schema"), Path.of("schema"));
 * if (!result.isCompatible(Check.BACKWARD)) { ... }
 * }</pre>
 */
public final class ContractDiff {

  /** Said of a one-form change after which the forms agree by the empty-element rule. */
  private static final String EMPTY_ELEMENT_RULE = " The forms still agree: a node that may be empty in XML is"
      + " optional in JSON, which CI writes from its XML leaving empty elements out.";

  private static final Set<Rule> OCCURRENCE_RULES = Set.of(Rule.OPTIONAL_MADE_REQUIRED, Rule.REQUIRED_MADE_OPTIONAL,
      Rule.MIN_OCCURS_RAISED, Rule.MIN_OCCURS_LOWERED);

  private ContractDiff() {}

  /** The differences from {@code oldFolder} to {@code newFolder}. */
  public static DiffResult compare(Path oldFolder, Path newFolder) throws UnreadableSchemaException {
    Forms old = Forms.read(oldFolder, "OLD");
    Forms updated = Forms.read(newFolder, "NEW");
    Set<String> contracts = new TreeSet<>();
    Stream.of(old.xsd.keySet(), old.json.keySet(), updated.xsd.keySet(), updated.json.keySet())
        .forEach(contracts::addAll);
    List<Finding> findings = new ArrayList<>();
    for (String contract : contracts) {
      findings.addAll(contract(contract, old, updated));
    }
    findings.sort(Comparator.comparing(Finding::contract).thenComparing(Finding::jsonPointer)
        .thenComparing(Finding::rule).thenComparing(Finding::form).thenComparing(Finding::xmlPath));
    return new DiffResult(findings);
  }

  /** Both forms of one folder, read. */
  private record Forms(Map<String, Map<String, ContractNode>> xsd, Map<String, ContractNode> json) {
    static Forms read(Path folder, String role) throws UnreadableSchemaException {
      if (!Files.isDirectory(folder)) {
        throw new UnreadableSchemaException(role + " " + folder + ": no such folder");
      }
      if (!Files.isDirectory(folder.resolve("xml")) && !Files.isDirectory(folder.resolve("json"))) {
        throw new UnreadableSchemaException(role + " " + folder
            + ": not a contract folder (it has neither xml/ nor json/)");
      }
      try {
        Contract contract = Contract.of(folder);
        return new Forms(contract.xsd(), contract.jsonSchema());
      } catch (UnreadableSchemaException e) {
        throw new UnreadableSchemaException(role + " " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  private static List<Finding> contract(String contract, Forms old, Forms updated) {
    Map<String, ContractNode> oldRoots = old.xsd.getOrDefault(contract, Map.of());
    Map<String, ContractNode> newRoots = updated.xsd.getOrDefault(contract, Map.of());
    Set<String> rootNames = new TreeSet<>(oldRoots.keySet());
    rootNames.addAll(newRoots.keySet());
    // The XSD root that is the JSON Schema's root object: the entry's only root element.
    String xmlRoot = rootNames.size() == 1 ? rootNames.iterator().next() : null;

    List<Difference> xsdDifferences = new ArrayList<>();
    Map<Difference, String> rootOf = new LinkedHashMap<>();
    for (String root : rootNames) {
      ContractNode was = oldRoots.get(root);
      ContractNode now = newRoots.get(root);
      List<Difference> found = was != null && now != null ? TreeComparer.compare(was, now, List.of())
          : List.of(TreeComparer.rootOnOneSide(was, now, List.of()));
      found.forEach(d -> rootOf.put(d, root));
      xsdDifferences.addAll(found);
    }
    List<Difference> jsonDifferences = new ArrayList<>();
    ContractNode oldJson = old.json.get(contract);
    ContractNode newJson = updated.json.get(contract);
    if (oldJson != null && newJson != null) {
      jsonDifferences.addAll(TreeComparer.compare(oldJson, newJson, List.of()));
    } else if (oldJson != null || newJson != null) {
      jsonDifferences.add(TreeComparer.rootOnOneSide(oldJson, newJson, List.of()));
    }
    boolean bothForms = !rootNames.isEmpty() && (oldJson != null || newJson != null) && xmlRoot != null;

    List<Finding> findings = new ArrayList<>();
    List<Difference> unmatchedJson = new ArrayList<>(jsonDifferences);
    for (Difference xsd : xsdDifferences) {
      String root = rootOf.get(xsd);
      Difference json = bothForms ? take(unmatchedJson, xsd) : null;
      if (json != null) {
        boolean backward = xsd.breaksBackward() || json.breaksBackward();
        boolean forward = xsd.breaksForward() || json.breaksForward();
        String message = xsd.message();
        if (xsd.breaksBackward() != json.breaksBackward() || xsd.breaksForward() != json.breaksForward()) {
          message += " (The two forms differ in what surrounds it; the verdict is the stricter one.)";
        }
        findings.add(new Finding(xsd.rule(), contract, xmlPath(root, xsd.path()), pointer(xsd.path()), Form.BOTH,
            places(xsd.oldAt(), json.oldAt()), places(xsd.newAt(), json.newAt()), backward, forward, message));
      } else if (bothForms && followsEmptyElementRule(xsd, newRoots.get(root), newJson)) {
        findings.add(finding(contract, root, xsd, Form.XSD, EMPTY_ELEMENT_RULE));
      } else {
        findings.add(finding(contract, root, xsd, Form.XSD));
        if (bothForms) {
          findings.add(drift(contract, root, xsd, Form.XSD));
        }
      }
    }
    for (Difference json : unmatchedJson) {
      if (bothForms && followsEmptyElementRule(json, newRoots.get(xmlRoot), newJson)) {
        findings.add(finding(contract, xmlRoot, json, Form.JSON_SCHEMA, EMPTY_ELEMENT_RULE));
        continue;
      }
      findings.add(finding(contract, xmlRoot, json, Form.JSON_SCHEMA));
      if (bothForms) {
        findings.add(drift(contract, xmlRoot, json, Form.JSON_SCHEMA));
      }
    }
    return findings;
  }

  /**
   * Whether a change of how often a node must occur, made in one form only, leaves NEW's two forms agreeing by the
   * empty-element rule: the JSON node occurs at least {@link ContractNode#jsonMin()} of its XSD twin (a node required
   * in XML that may be empty there is optional in JSON). Such a change is no drift.
   */
  private static boolean followsEmptyElementRule(Difference difference, ContractNode xsdRoot, ContractNode jsonRoot) {
    if (!OCCURRENCE_RULES.contains(difference.rule()) || xsdRoot == null || jsonRoot == null) {
      return false;
    }
    ContractNode xsd = xsdRoot;
    ContractNode json = jsonRoot;
    for (String name : difference.path()) {
      xsd = xsd.child(name);
      json = json.child(name);
      if (xsd == null || json == null) {
        return false;
      }
    }
    return json.min() == xsd.jsonMin();
  }

  /** Removes and returns the difference of {@code candidates} with the same rule and path as {@code xsd}. */
  private static Difference take(List<Difference> candidates, Difference xsd) {
    for (int i = 0; i < candidates.size(); i++) {
      Difference candidate = candidates.get(i);
      if (candidate.rule() == xsd.rule() && candidate.path().equals(xsd.path())) {
        return candidates.remove(i);
      }
    }
    return null;
  }

  private static Finding finding(String contract, String root, Difference difference, Form form) {
    return finding(contract, root, difference, form, "");
  }

  private static Finding finding(String contract, String root, Difference difference, Form form, String more) {
    return new Finding(difference.rule(), contract, xmlPath(root, difference.path()), pointer(difference.path()),
        form, places(difference.oldAt()), places(difference.newAt()), difference.breaksBackward(),
        difference.breaksForward(), difference.message() + more);
  }

  private static Finding drift(String contract, String root, Difference difference, Form form) {
    String changed = form == Form.XSD ? "the XSD" : "the JSON Schema";
    String other = form == Form.XSD ? "the JSON Schema" : "the XSD";
    return new Finding(Rule.SIDES_DRIFT, contract, xmlPath(root, difference.path()), pointer(difference.path()),
        form, places(difference.oldAt()), places(difference.newAt()), true, true,
        "Only " + changed + " has this change (" + difference.rule() + "), not " + other
            + ": the two forms of the contract now accept different callbacks.");
  }

  private static List<Location> places(Location... locations) {
    return Stream.of(locations).filter(Objects::nonNull).distinct().toList();
  }

  /** The XML path: the root element, then the names; {@code /*} stands for a root element not known. */
  static String xmlPath(String root, List<String> path) {
    return "/" + (root == null ? "*" : root) + path.stream().map(name -> "/" + name).collect(Collectors.joining());
  }

  /** The JSON Pointer of the names ({@code ~} and {@code /} escaped). */
  static String pointer(List<String> path) {
    return path.stream().map(name -> "/" + name.replace("~", "~0").replace("/", "~1"))
        .collect(Collectors.joining());
  }
}
