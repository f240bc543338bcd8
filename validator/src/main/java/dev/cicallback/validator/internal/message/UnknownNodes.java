package dev.cicallback.validator.internal.message;

import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.Sentences;
import java.util.List;

/**
 * Messages for nodes the contract does not know, in either format, and how to recognise them again: this class owns
 * their wording.
 */
public final class UnknownNodes {

  private static final String NODE = "unknown node ";
  private static final String ATTRIBUTE = "unknown attribute ";

  private UnknownNodes() {}

  public static String message(String name, ContractTree.Node parent, String parentName, ValidatorOptions options) {
    String known = parent.childNames().isEmpty() ? "none" : names(parent.childNames());
    return NODE + Sentences.abbreviate(name, 60) + " in " + parentName + " (" + verdict(options)
        + "); the contract knows " + known;
  }

  /** One message for all the attributes of an element: {@code count} of them, the first named. */
  public static String attributes(String first, int count, ValidatorOptions options) {
    String more = count == 1 ? "" : " and " + (count - 1) + " more";
    return ATTRIBUTE + Sentences.abbreviate(first, 60) + more + " (" + verdict(options)
        + "); callback elements carry no attributes";
  }

  /** A job Tag the contract does not know: the job is read all the same in tolerant mode. */
  public static String tag(String value, ContractTree.Node tagNode, ValidatorOptions options) {
    String known =
        tagNode == null || tagNode.values().isEmpty() ? "" : "; the contract knows " + names(tagNode.values());
    return "unknown job Tag " + Sentences.abbreviate(value, 60) + " (" + verdict(options) + ", which reads the job"
        + " and keeps its Operation as it came)" + known;
  }

  /** A body without EventName: an older callback (2020-2022 documents) or a job API response. */
  public static String missingEventName(ValidatorOptions options) {
    return "the body has no EventName: an older callback (before 2022) or a job API response ("
        + (options.mode() == ValidatorOptions.Mode.STRICT
            ? "not a callback in strict mode"
            : "read in tolerant mode as TaskFinish or WorkflowFinish, by its content")
        + ")";
  }

  /** Names in a sentence: all of them when they are few, else the first ones and how many more the docs list. */
  private static String names(List<String> names) {
    int shown = 12;
    return names.size() <= shown
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more (see generated-docs)";
  }

  private static String verdict(ValidatorOptions options) {
    return options.mode() == ValidatorOptions.Mode.STRICT ? "not allowed in strict mode" : "tolerated in tolerant mode";
  }
}
