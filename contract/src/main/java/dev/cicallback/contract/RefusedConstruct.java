package dev.cicallback.contract;

/**
 * The constructs the contract's schemas may not use, and why: the one list, printed in {@code schema/README.md}.
 * The XSD form is read by a quick verdict compiled from it at build time (for batches of thousands of payloads); it
 * reads a subset of XML Schema, and a schema outside that subset would be read differently there than by the XSD
 * validator. Reading {@code schema/} with a refused construct fails the build, naming the construct, file and line
 * ({@link Contract#refusals()}).
 */
public enum RefusedConstruct {
  /** A target namespace, an import, or an element of another namespace in a schema. */
  NAMESPACE("a target namespace, an xs:import, or an element of another namespace",
      "payloads have no namespaces; the quick verdict matches names as written"),
  /** An include that is not a file of the contract's folder. */
  OUTSIDE_INCLUDE("an include of anything but a file of xml/ (no URL, no other folder), xs:redefine or xs:override",
      "the contract is read offline from the jar"),
  /** Attribute declarations. */
  ATTRIBUTE("xs:attribute, xs:attributeGroup or xs:anyAttribute",
      "CI writes no attributes; any attribute in a payload is refused"),
  /** Element options beyond name, type and occurrences. */
  ELEMENT_OPTION("an element with ref, nillable, default, fixed, form, abstract, block, final or substitutionGroup",
      "each changes what a payload may say in ways the quick verdict does not read"),
  /** Any content. */
  WILDCARD("xs:any other than a map of text values (a complex type's one sequence of one xs:any namespace=\"##local\""
      + " processContents=\"skip\" minOccurs=\"0\" maxOccurs=\"unbounded\"), or an element without a type"
      + " (xs:anyType)",
      "every node is declared; unknown nodes are the reader's tolerant mode, not the schema's; a map's members are"
      + " its keys"),
  /** Mixed content, or complex types derived by extension or restriction. */
  COMPLEX_TYPE_OPTION("mixed content, xs:complexContent, xs:simpleContent, or a complex type with more than one"
      + " particle", "a complex type holds one sequence, choice, all or group of elements"),
  /** Simple types other than a restriction of xs:string. */
  SIMPLE_TYPE_OTHER_THAN_STRING("a built-in type other than xs:string, xs:list, xs:union, or a restriction of"
      + " another base", "every value is text as CI writes it, restricted by enumeration or pattern"),
  /** Facets other than enumeration and pattern. */
  FACET("a facet other than xs:enumeration and xs:pattern (length, bounds, whiteSpace, digits)",
      "write the rule as a pattern"),
  /** XSD regular expression features the quick verdict reads differently. */
  PATTERN_SYNTAX("in an xs:pattern: '.', \\d, \\w, \\p{..}, ^ or $, class subtraction, other escapes than a"
      + " metacharacter's, or non-ASCII characters", "the subset where XSD and Java regular expressions agree"
      + " (XsdRegex)"),
  /** Occurrence counts other than 0, 1 and unbounded. */
  OCCURRENCES("minOccurs other than 0 or 1, maxOccurs other than 1 or unbounded",
      "the content automata count one or many"),
  /** A repeated xs:all. */
  REPEATED_ALL("an xs:all that repeats, or holds an element that repeats, or names one twice",
      "xs:all is read as one slot per element"),
  /** Identity constraints the quick verdict does not read. */
  IDENTITY_CONSTRAINT("xs:keyref, or an xs:unique or xs:key whose selector is not '.' or whose fields are not paths of"
      + " child names", "identity is checked along the child paths the fields name"),
  /** JSON Schema keywords outside those the contract uses. */
  JSON_KEYWORD("a JSON Schema keyword other than type, enum, pattern, minimum, maximum, properties,"
      + " additionalProperties, required, items, minItems, oneOf, $ref and annotations",
      "the quick JSON verdict knows these; teach it (and its tests) a new keyword first"),
  /** Assertions beside a $ref. */
  JSON_REF_WITH_ASSERTIONS("a keyword other than an annotation beside $ref",
      "a $ref stands for its target alone; write the constraint into the target"),
  /** Unions the contract does not use. */
  JSON_UNION("a oneOf other than one value or an array of it ({\"oneOf\": [X, {\"type\": \"array\", \"items\": X}]})"
      + " or, beside properties, branches that each require one member",
      "the two shapes CI writes; the tree and the quick verdict know no other union"),
  /** A required member an object does not declare. */
  JSON_REQUIRED_UNDECLARED("a required name that properties does not declare",
      "no payload could satisfy it"),
  /** A JSON enum of other than strings. */
  JSON_ENUM_NOT_TEXT("an enum with a value that is not a string", "CI writes enumerated values as strings"),
  /** A JSON object open to undeclared members. */
  JSON_OPEN_OBJECT("additionalProperties other than false beside properties, or other than {\"type\": \"string\"}"
      + " without them (a map of text values)",
      "undeclared members are the reader's tolerant mode, not the schema's; a map's members are its keys");

  private final String what;
  private final String why;

  RefusedConstruct(String what, String why) {
    this.what = what;
    this.why = why;
  }

  /** What is refused, in words. */
  public String what() {
    return what;
  }

  /** Why, in words. */
  public String why() {
    return why;
  }
}
