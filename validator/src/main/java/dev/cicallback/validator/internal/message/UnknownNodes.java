package dev.cicallback.validator.internal.message;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import java.util.List;

/**
 * Problems for nodes the contract does not know, in either format, and for a body without EventName: their severity
 * follows the mode ({@link ValidatorOptions#unknownNodeSeverity()}), their words are in {@code problems.properties}.
 */
public final class UnknownNodes {

  /** Names shown in full in a message; more are cut, with how many more there are. */
  private static final int SHOWN = 12;

  private UnknownNodes() {}

  /** A child {@code name} the contract does not know in {@code parent} (called {@code parentName} in the message). */
  public static Problem node(
      String name,
      ContractTree.Node parent,
      String parentName,
      ValidatorOptions options,
      TextPosition at,
      String location) {
    String known = parent.childNames().isEmpty() ? Messages.render(Text.PART_NONE) : names(parent.childNames());
    return problem(
        ProblemCode.UNKNOWN_NODE,
        options,
        at,
        location,
        Text.UNKNOWN_NODE_NODE,
        Sentences.abbreviate(name, 60),
        parentName,
        verdict(options),
        known);
  }

  /** One problem for all the attributes of an element: {@code count} of them, the first named. */
  public static Problem attributes(
      String first, int count, ValidatorOptions options, TextPosition at, String location) {
    String more = count == 1 ? "" : Messages.render(Text.PART_MORE_ATTRIBUTES, count - 1);
    return problem(
        ProblemCode.UNKNOWN_NODE,
        options,
        at,
        location,
        Text.UNKNOWN_NODE_ATTRIBUTES,
        Sentences.abbreviate(first, 60),
        more,
        verdict(options));
  }

  /** A job Tag the contract does not know: the job is read all the same in tolerant mode. */
  public static Problem tag(
      String value, ContractTree.Node tagNode, ValidatorOptions options, TextPosition at, String location) {
    String known = tagNode == null || tagNode.values().isEmpty()
        ? ""
        : Messages.render(Text.PART_KNOWN_TAGS, names(tagNode.values()));
    return problem(
        ProblemCode.UNKNOWN_TAG,
        options,
        at,
        location,
        Text.UNKNOWN_TAG_TAG,
        Sentences.abbreviate(value, 60),
        verdict(options),
        known);
  }

  /** A body without EventName: an older callback (2020-2022 documents) or a job API response. */
  public static Problem missingEventName(ValidatorOptions options, TextPosition at, String location) {
    return problem(
        ProblemCode.MISSING_EVENT_NAME,
        options,
        at,
        location,
        options.mode() == ValidatorOptions.Mode.STRICT
            ? Text.MISSING_EVENT_NAME_STRICT
            : Text.MISSING_EVENT_NAME_TOLERANT);
  }

  private static Problem problem(
      ProblemCode code,
      ValidatorOptions options,
      TextPosition at,
      String location,
      Text text,
      Object... arguments) {
    return Messages.problem(
        options.unknownNodeSeverity(), code, at.line(), at.column(), location, text, arguments);
  }

  /** Names in a sentence: all of them when they are few, else the first ones and how many more the docs list. */
  private static String names(List<String> names) {
    return names.size() <= SHOWN
        ? String.join(", ", names)
        : Messages.render(
            Text.PART_MORE_NAMES, String.join(", ", names.subList(0, SHOWN)), names.size() - SHOWN);
  }

  private static String verdict(ValidatorOptions options) {
    return Messages.render(
        options.mode() == ValidatorOptions.Mode.STRICT ? Text.PART_STRICT : Text.PART_TOLERANT);
  }
}
