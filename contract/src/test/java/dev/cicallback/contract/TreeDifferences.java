package dev.cicallback.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The differences between two trees of one contract node, as lines naming the path; tests' comparer. */
final class TreeDifferences {

  private TreeDifferences() {}

  /** Adds the differences of {@code a} and {@code b} under {@code path} to {@code into}; returns nodes compared. */
  static int of(ContractNode a, ContractNode b, String path, List<String> into) {
    return of(a, b, path, into, true, false);
  }

  /**
   * As {@link #of(ContractNode, ContractNode, String, List)} for the two forms of one entry: the XSD form's
   * {@code xsd} and the JSON Schema form's {@code json}. The JSON node's least occurrences are compared with
   * {@link ContractNode#jsonMin()}, since CI's JSON leaves out what is empty in its XML (the empty-element rule).
   */
  static int ofForms(ContractNode xsd, ContractNode json, String path, List<String> into) {
    return of(xsd, json, path, into, true, true);
  }

  /**
   * As {@link #of(ContractNode, ContractNode, String, List)}; {@code forms} as {@link #ofForms}; {@code root} leaves
   * out the roots' documentation, since the XSD root element and the JSON root object are described apart, and a
   * form's numeric bounds, which the XSD writes as patterns.
   */
  private static int of(ContractNode a, ContractNode b, String path, List<String> into, boolean root,
      boolean forms) {
    int compared = 1;
    differ(into, path, "kind", a.kind(), b.kind());
    differ(into, path, "min", forms ? a.jsonMin() : a.min(), b.min());
    differ(into, path, "max", a.max(), b.max());
    differ(into, path, "open", a.open(), b.open());
    if (!root) {
      differ(into, path, "docs (en)", a.docs().en(), b.docs().en());
      differ(into, path, "docs (zh)", a.docs().zh(), b.docs().zh());
    }
    differ(into, path, "type docs (en)", a.typeDocs().en(), b.typeDocs().en());
    if (a.kind() == ContractNode.Kind.VALUE && b.kind() == ContractNode.Kind.VALUE) {
      differ(into, path, "enumeration", a.value().enumeration(), b.value().enumeration());
      differ(into, path, "patterns", a.value().patterns(), b.value().patterns());
    }
    Set<String> names = new LinkedHashSet<>(a.children().keySet());
    names.addAll(b.children().keySet());
    for (String name : names) {
      ContractNode childA = a.child(name);
      ContractNode childB = b.child(name);
      if (childA == null) {
        into.add(path + "/" + name + ": only in the JSON Schema (" + childB.declaredAt() + ")");
      } else if (childB == null) {
        into.add(path + "/" + name + ": only in the XSD (" + childA.declaredAt() + ")");
      } else {
        compared += of(childA, childB, path + "/" + name, into, false, forms);
      }
    }
    return compared;
  }

  private static void differ(List<String> into, String path, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      into.add(path + ": " + what + " " + a + " / " + b);
    }
  }
}
