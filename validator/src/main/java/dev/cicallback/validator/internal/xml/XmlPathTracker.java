package dev.cicallback.validator.internal.xml;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.Severity;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.TextPosition;
import dev.cicallback.validator.internal.message.UnknownNodes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Sits between the XML parser and the schema validator: keeps the XPath of the element being read (for locations),
 * and takes out nodes the contract does not know (elements, attributes, namespaced names), reporting each, so the
 * schema judges everything else exactly as it would.
 */
public final class XmlPathTracker implements ContentHandler {

  /** One open element: its XPath, contract node, where it starts, and the children seen so far. */
  public static final class Step {
    public final String path;
    public final String name;
    public final ContractTree.Node node;
    public final TextPosition start;
    public final Step parent;
    public final Map<String, Integer> childCounts = new HashMap<>();

    Step(String path, String name, ContractTree.Node node, TextPosition start, Step parent) {
      this.path = path;
      this.name = name;
      this.node = node;
      this.start = start;
      this.parent = parent;
    }

    /** Required children of this element not seen (so far). */
    public List<String> missingRequired() {
      return node == null
          ? List.of()
          : node.required().stream().filter(r -> !childCounts.containsKey(r)).toList();
    }
  }

  private final ContentHandler next;
  private final ContractTree contract;
  private final ValidatorOptions options;
  private final List<Problem> problems;
  private final Deque<Step> open = new ArrayDeque<>();
  private final Map<String, Integer> rootCounts = new HashMap<>();
  private Locator locator;
  private int skipping;
  private int elements;
  private long textLength;

  public XmlPathTracker(ContentHandler next, ContractTree contract, ValidatorOptions options, List<Problem> problems) {
    this.next = next;
    this.contract = contract;
    this.options = options;
    this.problems = problems;
  }

  /** XPath of the element being read; "/" before the root. */
  public String currentPath() {
    return open.isEmpty() ? "/" : open.peek().path;
  }

  /** The element being read, or null before the root. */
  public Step current() {
    return open.peek();
  }

  public TextPosition position() {
    return locator == null
        ? TextPosition.NONE
        : new TextPosition(locator.getLineNumber(), locator.getColumnNumber());
  }

  @Override
  public void setDocumentLocator(Locator documentLocator) {
    this.locator = documentLocator;
    next.setDocumentLocator(documentLocator);
  }

  @Override
  public void startDocument() throws SAXException {
    next.startDocument();
  }

  @Override
  public void endDocument() throws SAXException {
    next.endDocument();
  }

  @Override
  public void startPrefixMapping(String prefix, String uri) throws SAXException {
    if (skipping == 0) {
      next.startPrefixMapping(prefix, uri);
    }
  }

  @Override
  public void endPrefixMapping(String prefix) throws SAXException {
    if (skipping == 0) {
      next.endPrefixMapping(prefix);
    }
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes)
      throws SAXException {
    textLength = 0;
    if (!HardenedXml.isQualifiedName(qName)) {
      throw notQualified("the element name \"" + Sentences.abbreviate(qName, 60) + "\"", tagStart(qName));
    }
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!HardenedXml.isQualifiedName(attributes.getQName(i))) {
        throw notQualified(
            "the attribute name \"" + Sentences.abbreviate(attributes.getQName(i), 60) + "\"", tagStart(qName));
      }
    }
    if (++elements > options.maxNodes()) {
      throw limit("more than " + options.maxNodes() + " elements; refused (a callback has fewer than 1,000)");
    }
    if (skipping > 0) {
      skipping++;
      return;
    }
    Step parent = open.peek();
    Map<String, Integer> counts = parent == null ? rootCounts : parent.childCounts;
    int index = counts.merge(qName, 1, Integer::sum);
    String parentPath = parent == null ? "" : parent.path;
    ContractTree.Node node = childNode(parent, uri, localName);
    boolean indexed = index > 1 || node != null && node.repeatable();
    String path = parentPath + "/" + qName + (indexed ? "[" + index + "]" : "");

    if (parent != null && parent.node != null && parent.node.container() && node == null) {
      // A child the contract does not know here: report it and keep it from the schema.
      TextPosition at = tagStart(qName);
      String name = uri.isEmpty() ? qName : "{" + uri + "}" + localName;
      problems.add(
          new Problem(
              options.unknownNodeSeverity(),
              ProblemCode.UNKNOWN_NODE,
              UnknownNodes.message(name, parent.node, parent.name, options),
              at.line(),
              at.column(),
              path));
      skipping = 1;
      return;
    }
    open.push(new Step(path, uri.isEmpty() ? qName : "{" + uri + "}" + localName, node, tagStart(qName), parent));
    next.startElement(uri, localName, qName, knownAttributes(attributes, path));
  }

  /**
   * Where the start tag of {@code qName} began: SAX reports the position after its {@code >}; callback elements
   * carry no attributes, so the tag is {@code <qName>}.
   */
  private TextPosition tagStart(String qName) {
    TextPosition after = position();
    int column = after.column() - qName.length() - 2;
    return column >= 1 ? new TextPosition(after.line(), column) : after;
  }

  private XmlRefused limit(String message) {
    return refuse(position(), ProblemCode.LIMIT, message);
  }

  private XmlRefused notQualified(String what, TextPosition at) {
    return refuse(
        at,
        ProblemCode.SYNTAX,
        "not well-formed XML: " + what + " is not a qualified name (at most one colon, between a prefix and a local"
            + " name)");
  }

  private XmlRefused refuse(TextPosition at, ProblemCode code, String message) {
    String path = currentPath().equals("/") ? "" : currentPath();
    problems.add(new Problem(Severity.ERROR, code, message, at.line(), at.column(), path));
    return new XmlRefused(message);
  }

  private ContractTree.Node childNode(Step parent, String uri, String localName) {
    if (!uri.isEmpty()) {
      return null;
    }
    if (parent == null) {
      return localName.equals(contract.root().name()) ? contract.root() : null;
    }
    return parent.node == null ? null : parent.node.child(localName);
  }

  /** The contract has no attributes: each one is an unknown node. */
  private Attributes knownAttributes(Attributes attributes, String path) {
    if (attributes.getLength() == 0) {
      return attributes;
    }
    TextPosition at = position();
    String first = attributes.getQName(0);
    problems.add(
        new Problem(
            options.unknownNodeSeverity(),
            ProblemCode.UNKNOWN_NODE,
            UnknownNodes.attributes(first, attributes.getLength(), options),
            at.line(),
            at.column(),
            path + "/@" + first));
    return new AttributesImpl();
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    textLength = 0;
    if (skipping > 0) {
      skipping--;
      return;
    }
    next.endElement(uri, localName, qName);
    open.pop();
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    textLength += length;
    if (textLength > options.maxStringLength()) {
      throw limit("text longer than " + options.maxStringLength() + " characters; refused");
    }
    if (skipping == 0) {
      next.characters(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (skipping == 0) {
      next.ignorableWhitespace(ch, start, length);
    }
  }

  @Override
  public void processingInstruction(String target, String data) throws SAXException {
    if (!HardenedXml.isInstructionTarget(target)) {
      throw refuse(
          position(),
          ProblemCode.SYNTAX,
          "not well-formed XML: the processing instruction target \"" + Sentences.abbreviate(target, 60)
              + "\" has a colon, which Namespaces in XML forbids");
    }
    if (skipping == 0) {
      next.processingInstruction(target, data);
    }
  }

  @Override
  public void skippedEntity(String name) throws SAXException {
    if (skipping == 0) {
      next.skippedEntity(name);
    }
  }
}
