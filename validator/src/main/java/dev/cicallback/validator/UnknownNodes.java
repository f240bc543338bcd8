package dev.cicallback.validator;

/** The message for a node the contract does not know, in either format. */
final class UnknownNodes {

  private UnknownNodes() {}

  static String message(String name, ContractTree.Node parent, String parentName, ValidatorOptions options) {
    String known = parent.childNames().isEmpty() ? "none" : String.join(", ", parent.childNames());
    String where = " in " + parentName;
    String verdict =
        options.mode() == ValidatorOptions.Mode.STRICT
            ? "not allowed in strict mode"
            : "tolerated in tolerant mode";
    return "unknown node "
        + Sentences.abbreviate(name, 60)
        + where
        + " ("
        + verdict
        + "); the contract knows "
        + known;
  }
}
