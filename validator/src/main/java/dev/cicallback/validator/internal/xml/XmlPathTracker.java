package dev.cicallback.validator.internal.xml;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import dev.cicallback.validator.internal.message.UnknownNodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

  /**
   * One open element: its XPath, contract node, where it starts, the children seen so far (counted, and in order
   * those the schema sees) and its text so far.
   */
  public static final class Step {
    public final String path;
    public final String name;
    public final ContractTree.Node node;
    public final TextPosition start;
    public final Step parent;
    public final Map<String, Integer> childCounts = new HashMap<>();
    /** The names of the children passed on to the schema (those the contract knows here), in document order. */
    public final List<String> children = new ArrayList<>();
    /** The character data passed on to the schema directly inside this element: a leaf's value as the schema has it. */
    public final StringBuilder text = new StringBuilder();
    /** Whether the keys this element lacks have been reported (the schema reports each; one problem says them all). */
    public boolean keysReported;

    public Step(String path, String name, ContractTree.Node node, TextPosition start, Step parent) {
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
      throw notQualified(Messages.render(Text.PART_ELEMENT_NAME, Sentences.abbreviate(qName, 60)), tagStart(qName));
    }
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!HardenedXml.isQualifiedName(attributes.getQName(i))) {
        throw notQualified(
            Messages.render(Text.PART_ATTRIBUTE_NAME, Sentences.abbreviate(attributes.getQName(i), 60)),
            tagStart(qName));
      }
    }
    if (++elements > options.maxNodes()) {
      throw refuse(position(), ProblemCode.LIMIT, Text.LIMIT_XML_ELEMENTS, options.maxNodes());
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
      problems.add(UnknownNodes.node(name, parent.node, parent.name, options, at, path));
      skipping = 1;
      return;
    }
    if (parent != null) {
      parent.children.add(qName);
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

  private XmlRefused notQualified(String what, TextPosition at) {
    return refuse(at, ProblemCode.SYNTAX, Text.SYNTAX_XML_NOT_QUALIFIED, what);
  }

  private XmlRefused refuse(TextPosition at, ProblemCode code, Text text, Object... arguments) {
    String path = currentPath().equals("/") ? "" : currentPath();
    Problem problem = Messages.error(code, at.line(), at.column(), path, text, arguments);
    problems.add(problem);
    return new XmlRefused(problem.message());
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
    problems.add(UnknownNodes.attributes(first, attributes.getLength(), options, at, path + "/@" + first));
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
      throw refuse(position(), ProblemCode.LIMIT, Text.LIMIT_XML_TEXT, options.maxStringLength());
    }
    if (skipping == 0) {
      if (!open.isEmpty()) {
        open.peek().text.append(ch, start, length);
      }
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
      throw refuse(position(), ProblemCode.SYNTAX, Text.SYNTAX_XML_INSTRUCTION, Sentences.abbreviate(target, 60));
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
