package dev.cicallback.validator.internal.core;

/**
 * Every message and message part the validator words, by its key in {@code problems.properties} (the one place the
 * words are): problems are keyed {@code <ProblemCode>.<variant>}, parts of messages {@code part.<name>}. Each place
 * that makes a problem names a constant and gives its arguments; {@link Messages} renders them.
 */
public enum Text {
  // The pipeline: size, format, encoding, our own failures.
  LIMIT_TOO_LARGE("LIMIT.tooLarge"),
  ENCODING_WIDE("ENCODING.wide"),
  SYNTAX_EMPTY("SYNTAX.empty"),
  SYNTAX_NEITHER("SYNTAX.neither"),
  INTERNAL_CRASH("INTERNAL.crash"),
  INTERNAL_UNBINDABLE("INTERNAL.unbindable"),
  ENCODING_INVALID_AT("ENCODING.invalidAt"),
  ENCODING_INVALID("ENCODING.invalid"),
  NOT_COVERED_MODERATION_XML("NOT_COVERED.moderation_xml"),

  // Nodes the contract does not know, either format.
  UNKNOWN_NODE_NODE("UNKNOWN_NODE.node"),
  UNKNOWN_NODE_ATTRIBUTES("UNKNOWN_NODE.attributes"),
  UNKNOWN_NODE_MEMBER("UNKNOWN_NODE.member"),
  UNKNOWN_NODE_ATTRIBUTE_ON("UNKNOWN_NODE.attributeOn"),
  UNKNOWN_TAG_TAG("UNKNOWN_TAG.tag"),
  MISSING_EVENT_NAME_STRICT("MISSING_EVENT_NAME.strict"),
  MISSING_EVENT_NAME_TOLERANT("MISSING_EVENT_NAME.tolerant"),
  PART_STRICT("part.strict"),
  PART_TOLERANT("part.tolerant"),
  PART_NONE("part.none"),
  PART_MORE_NAMES("part.moreNames"),
  PART_MORE_ATTRIBUTES("part.moreAttributes"),
  PART_KNOWN_TAGS("part.knownTags"),

  // What the contract says, either format.
  MISSING_REQUIRED("MISSING.required"),
  MISSING_INCOMPLETE("MISSING.incomplete"),
  MISSING_INCOMPLETE_UNSAID("MISSING.incompleteUnsaid"),
  MISSING_JOB_OR_WORKFLOW("MISSING.jobOrWorkflow"),
  MISSING_TAG_REQUIRED("MISSING.tagRequired"),
  NOT_ALLOWED_JOB_AND_WORKFLOW("NOT_ALLOWED.jobAndWorkflow"),
  NOT_ALLOWED_UNEXPECTED("NOT_ALLOWED.unexpected"),
  NOT_ALLOWED_UNEXPECTED_UNSAID("NOT_ALLOWED.unexpectedUnsaid"),
  NOT_ALLOWED_NOTHING_MORE("NOT_ALLOWED.nothingMore"),
  NOT_ALLOWED_ROOT("NOT_ALLOWED.root"),
  DUPLICATE_ONCE("DUPLICATE.once"),
  VALUE_NOT_ALLOWED("VALUE.notAllowed"),
  VALUE_UNSAID("VALUE.unsaid"),
  VALUE_OTHER("VALUE.other"),
  VALUE_SCHEMA("VALUE.schema"),
  VALUE_NUMBER_RANGE("VALUE.numberRange"),
  SHAPE_EXPECTED("SHAPE.expected"),
  SHAPE_EMPTY_ARRAY("SHAPE.emptyArray"),
  SHAPE_TEXT_IN_CONTAINER("SHAPE.textInContainer"),
  SHAPE_ELEMENTS_IN_VALUE("SHAPE.elementsInValue"),
  PART_THE_DOCUMENT("part.theDocument"),
  PART_THE_CALLBACK("part.theCallback"),
  PART_THE_ROOT_OBJECT("part.theRootObject"),
  PART_ANOTHER_VALUE("part.anotherValue"),
  PART_ONE_OF_VALUES("part.oneOfValues"),
  PART_TEXT_MATCHING("part.textMatching"),
  PART_ANOTHER_SHAPE("part.anotherShape"),
  PART_OBJECT_OR_OBJECTS("part.objectOrObjects"),
  PART_AN_OBJECT("part.anObject"),
  PART_AN_ARRAY("part.anArray"),
  PART_STRING_OR_NUMBER("part.stringOrNumber"),
  PART_A_STRING("part.aString"),
  PART_A_NUMBER("part.aNumber"),
  PART_OR_ARRAY_OF_THEM("part.orArrayOfThem"),
  PART_NOTHING("part.nothing"),
  PART_THE_STRING("part.theString"),
  PART_THE_NUMBER("part.theNumber"),
  PART_NULL("part.null"),
  PART_NO_VALUE("part.noValue"),

  // XML reading.
  ENCODING_XML_DECLARED("ENCODING.xmlDeclared"),
  SYNTAX_XML("SYNTAX.xml"),
  SYNTAX_XML_UNREADABLE("SYNTAX.xmlUnreadable"),
  SYNTAX_XML_NOT_QUALIFIED("SYNTAX.xmlNotQualified"),
  SYNTAX_XML_INSTRUCTION("SYNTAX.xmlInstruction"),
  LIMIT_XML_ELEMENTS("LIMIT.xmlElements"),
  LIMIT_XML_TEXT("LIMIT.xmlText"),
  PART_ELEMENT_NAME("part.elementName"),
  PART_ATTRIBUTE_NAME("part.attributeName"),
  PART_UNREADABLE("part.unreadable"),
  PART_DOCTYPE("part.doctype"),
  PART_DEPTH("part.depth"),
  PART_ATTRIBUTES("part.attributes"),
  PART_NAME("part.name"),

  // JSON reading.
  SYNTAX_JSON("SYNTAX.json"),
  SYNTAX_JSON_INSIDE("SYNTAX.jsonInside"),
  SYNTAX_JSON_INSIDE_ROOT("SYNTAX.jsonInsideRoot"),
  SYNTAX_JSON_EMPTY("SYNTAX.jsonEmpty"),
  SYNTAX_JSON_AFTER("SYNTAX.jsonAfter"),
  SYNTAX_JSON_TOKEN("SYNTAX.jsonToken"),
  LIMIT_JSON_VALUES("LIMIT.jsonValues"),
  ENCODING_LONE_SURROGATE("ENCODING.loneSurrogate"),
  PART_ARRAY("part.array"),
  PART_OBJECT("part.object"),
  PART_LONG_STRING("part.longString"),
  PART_LONG_NAME("part.longName"),
  PART_LONG_NUMBER("part.longNumber"),
  PART_TOO_DEEP("part.tooDeep"),
  PART_NOT_CLOSED("part.notClosed"),
  PART_TWICE("part.twice"),
  PART_UNKNOWN_WORD("part.unknownWord"),
  PART_NOT_NUMBER("part.notNumber"),
  PART_THAT_WORD("part.thatWord"),
  PART_LEADING_ZERO("part.leadingZero"),
  PART_CONTROL_CHARACTER("part.controlCharacter"),
  PART_COMMENTS("part.comments"),
  PART_ENDS_EARLY("part.endsEarly"),
  PART_UNEXPECTED_CHARACTER("part.unexpectedCharacter"),
  PART_EXPECTED("part.expected"),
  PART_COMMA_OBJECT("part.commaObject"),
  PART_COMMA_ARRAY("part.commaArray"),
  PART_QUOTED_NAME("part.quotedName"),
  PART_COLON("part.colon");

  private final String key;

  Text(String key) {
    this.key = key;
  }

  /** The key in {@code problems.properties}. */
  public String key() {
    return key;
  }
}
