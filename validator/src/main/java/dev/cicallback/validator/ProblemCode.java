package dev.cicallback.validator;

/**
 * What kind of problem a {@link Problem} is, for code that acts on problems: stable across releases, unlike the
 * messages, which are for people.
 */
public enum ProblemCode {
  /** Not well-formed XML or not JSON. */
  SYNTAX,
  /** Not UTF-8, or an encoding other than UTF-8 declared. */
  ENCODING,
  /** Over a limit of {@link ValidatorOptions}: size, depth, nodes, text length, number length. */
  LIMIT,
  /** A node (element, attribute or member) the contract does not know: a warning in tolerant mode. */
  UNKNOWN_NODE,
  /** A job Tag the contract does not know: a warning in tolerant mode, which reads the job all the same. */
  UNKNOWN_TAG,
  /** A required node is missing. */
  MISSING,
  /** A body without EventName (older callbacks, job API responses): a warning in tolerant mode. */
  MISSING_EVENT_NAME,
  /** A node that may occur once occurs more than once. */
  DUPLICATE,
  /** A node the contract knows, where it is not allowed (the wrong root, an element out of place). */
  NOT_ALLOWED,
  /** A value outside what the contract allows (enumeration, pattern, range, calendar). */
  VALUE,
  /** A node of the wrong shape: text where a container belongs, an object where text belongs, and so on. */
  SHAPE,
  /** A body of a kind this contract does not cover, such as a content-moderation (auditing) callback. */
  NOT_COVERED,
  /** The validator failed on the input: a bug of ours, reported instead of thrown. */
  INTERNAL
}
