package dev.cicallback.validator;

/**
 * Messages for nodes the contract does not know, in either format, and how to recognise them again: this class owns
 * their wording.
 */
final class UnknownNodes {

  private static final String NODE = "unknown node ";
  private static final String ATTRIBUTE = "unknown attribute ";

  private UnknownNodes() {}

  static String message(String name, ContractTree.Node parent, String parentName, ValidatorOptions options) {
    String known = parent.childNames().isEmpty() ? "none" : String.join(", ", parent.childNames());
    return NODE + Sentences.abbreviate(name, 60) + " in " + parentName + " (" + verdict(options)
        + "); the contract knows " + known;
  }

  /** One message for all the attributes of an element: {@code count} of them, the first named. */
  static String attributes(String first, int count, ValidatorOptions options) {
    String more = count == 1 ? "" : " and " + (count - 1) + " more";
    return ATTRIBUTE + Sentences.abbreviate(first, 60) + more + " (" + verdict(options)
        + "); callback elements carry no attributes";
  }

  /** Whether {@code problem} reports a node (or attribute) the contract does not know. */
  static boolean isUnknownNode(Problem problem) {
    return problem.message().startsWith(NODE) || problem.message().startsWith(ATTRIBUTE);
  }

  private static String verdict(ValidatorOptions options) {
    return options.mode() == ValidatorOptions.Mode.STRICT ? "not allowed in strict mode" : "tolerated in tolerant mode";
  }
}
