package dev.cicallback.validator.internal.xml;

import dev.cicallback.validator.ValidatorOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Finds, in the payload's own bytes, the first place where the hardened parser must stop for a reason of ours rather
 * than for bad syntax: a {@code DOCTYPE} (which the parser refuses), an element nested deeper than
 * {@link ValidatorOptions#maxDepth()}, an element with more than {@link ValidatorOptions#maxAttributes()} attributes,
 * or a name longer than {@link HardenedXml#MAX_NAME_LENGTH}. The parser reports each of these only as a fatal error
 * whose text is its own; this scan is how the validator knows which one it was, by counting, never by reading that
 * text.
 *
 * <p>Each breach is placed where the JDK's parser detects it, in the parser's terms (lines end at LF, CRLF or CR;
 * columns count UTF-16 units from 1): just after the {@code <!DOCTYPE} keyword, where a name too long starts (the
 * parser reports it there or just after it), after the element name one level too deep, after the value of the
 * attribute one over the limit. A fatal error at or after
 * that place is that breach; one before it is a syntax error that came first. The scan reads a subset of XML
 * leniently (it is no well-formedness check: the parser is), and gives up, finding nothing, at whatever it does not
 * follow.
 */
final class XmlBreachScan {

  /** Why the parser stopped, when it was for a reason of ours. */
  enum Kind {
    DOCTYPE,
    DEPTH,
    ATTRIBUTES,
    NAME
  }

  /** A breach and the place just after the markup that makes it. */
  record Breach(Kind kind, int line, int column) {

    /** Whether a fatal error reported at {@code errorLine:errorColumn} is at or after this breach. */
    boolean reachedBy(int errorLine, int errorColumn) {
      return line < errorLine || line == errorLine && column <= errorColumn;
    }
  }

  /** Thrown where the scan does not follow the bytes: then it finds nothing. */
  private static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** Parsers for {@link #isName}: no namespaces, so a name is a name whatever colons it has. */
  private static final SAXParserFactory NAME_PROBES = HardenedXml.parsers(false);

  private final byte[] bytes;
  private final int end;
  private final int maxDepth;
  private final int maxAttributes;
  private int at;
  private int line = 1;
  private int column = 1;
  private int depth;

  private XmlBreachScan(byte[] bytes, int offset, int length, ValidatorOptions options) {
    this.bytes = bytes;
    this.at = offset;
    this.end = offset + length;
    this.maxDepth = options.maxDepth();
    this.maxAttributes = options.maxAttributes();
  }

  /** The first breach in the payload, or null when there is none (or the scan gave up before one). */
  static Breach find(byte[] bytes, int offset, int length, ValidatorOptions options) {
    try {
      return new XmlBreachScan(bytes, offset, length, options).document();
    } catch (GiveUp e) {
      return null;
    }
  }

  private Breach document() {
    if (startsWith("\u00EF\u00BB\u00BF")) {
      at += 3; // the byte order mark is no character of the document: no column
    }
    // The prolog: declaration, comments, instructions and space; a DOCTYPE may only stand here.
    while (true) {
      skipSpace();
      if (startsWith("<?")) {
        Breach breach = instruction();
        if (breach != null) {
          return breach;
        }
      } else if (startsWith("<!--")) {
        comment();
      } else if (startsWith("<!DOCTYPE")) {
        skip(9);
        return breach(Kind.DOCTYPE);
      } else if (startsWith("<") && !startsWith("<!")) {
        break;
      } else {
        return null; // text before the root, or no root at all: a syntax error
      }
    }
    Breach breach = element();
    while (breach == null && depth > 0) {
      breach = content();
    }
    // After the root: comments, instructions and space only; an instruction's target is a name like any other.
    while (breach == null) {
      skipSpace();
      if (startsWith("<?")) {
        breach = instruction();
      } else if (startsWith("<!--")) {
        comment();
      } else {
        return null;
      }
    }
    return breach;
  }

  /** One construct inside the root: text, a reference, a comment, CDATA, an instruction, or a tag. */
  private Breach content() {
    int c = peek();
    if (c < 0) {
      throw GIVE_UP;
    }
    if (c == '&') {
      return reference();
    }
    if (c != '<') {
      advance();
      while (at < end && bytes[at] >= 0x20 && bytes[at] != '<' && bytes[at] != '&') {
        at++;
        column++;
      }
      return null;
    }
    if (startsWith("</")) {
      skipPast(">"); // an end tag's name is matched against its start tag's, not measured
      depth--;
      return null;
    }
    if (startsWith("<!--")) {
      comment();
      return null;
    }
    if (startsWith("<![CDATA[")) {
      skipPast("]]>");
      return null;
    }
    if (startsWith("<?")) {
      return instruction();
    }
    if (startsWith("<!")) {
      throw GIVE_UP;
    }
    return element();
  }

  /** A start tag, at its {@code <}: the name, the depth, then each attribute's name and the count. */
  private Breach element() {
    skip(1);
    Breach breach = qualifiedName();
    if (breach != null) {
      return breach;
    }
    if (++depth > maxDepth) {
      return breach(Kind.DEPTH);
    }
    int attributes = 0;
    while (true) {
      boolean spaced = skipSpace();
      if (startsWith("/>")) {
        skip(2);
        depth--;
        return null;
      }
      if (startsWith(">")) {
        skip(1);
        return null;
      }
      if (!spaced) {
        throw GIVE_UP;
      }
      breach = qualifiedName();
      if (breach != null) {
        return breach;
      }
      skipSpace();
      expect('=');
      skipSpace();
      int quote = peek();
      if (quote != '"' && quote != '\'') {
        throw GIVE_UP;
      }
      advance();
      while (peek() != quote) {
        if (peek() < 0 || peek() == '<') {
          throw GIVE_UP;
        }
        if (peek() == '&') {
          breach = reference();
          if (breach != null) {
            return breach;
          }
        } else {
          advance();
        }
      }
      advance();
      if (++attributes > maxAttributes) {
        return breach(Kind.ATTRIBUTES);
      }
    }
  }

  /** A reference, at its {@code &}: an entity's name is measured; a character reference is passed over. */
  private Breach reference() {
    advance();
    if (peek() == '#') {
      return null;
    }
    return name(false);
  }

  /** An instruction or the XML declaration, at its {@code <?}: the target is measured. */
  private Breach instruction() {
    skip(2);
    Breach breach = name(false);
    if (breach == null) {
      skipPast("?>");
    }
    return breach;
  }

  private void comment() {
    skip(4);
    skipPast("-->");
  }

  /** An element or attribute name: the parser holds its prefix and its local part each to the limit. */
  private Breach qualifiedName() {
    return name(true);
  }

  /**
   * Reads a name, and gives a breach placed where it starts (the parser reports a name too long there, or just after
   * it) when it is longer than the limit in UTF-16 units; with {@code qualified}, when its part before the first
   * colon or the rest is. Gives up at an empty name or one that starts with an ASCII digit, dot or hyphen. ASCII
   * characters other than letters, digits and {@code .-_:} end a name; any other character is taken as part of it
   * here, and the part too long is then put to {@link #isName}: a character the parser does not take in a name stops
   * it there, for a syntax error, so such a part is no breach.
   */
  private Breach name(boolean qualified) {
    int startLine = line;
    int startColumn = column;
    int first = peek(); // -1 at the end, which is no name character either
    if (first < 0x80 && (!isAsciiNameChar(first) || first == '-' || first == '.' || first >= '0' && first <= '9')) {
      throw GIVE_UP;
    }
    int partStart = at;
    int part = 0;
    int overStart = -1;
    boolean split = false;
    while (true) {
      int c = peek();
      if (c < 0x80 && !isAsciiNameChar(c)) {
        break;
      }
      if (c == ':' && qualified && !split) {
        split = true;
        advance();
        partStart = at;
        part = 0;
        continue;
      }
      part += c >= 0xF0 ? 2 : 1;
      if (part > HardenedXml.MAX_NAME_LENGTH && overStart < 0) {
        overStart = partStart;
      }
      advance();
    }
    if (overStart < 0) {
      return null;
    }
    if (!isName(longestLegalPrefix(overStart))) {
      throw GIVE_UP;
    }
    return new Breach(Kind.NAME, startLine, startColumn);
  }

  /** The first characters of the name at byte {@code from}, one UTF-16 unit more than the limit (or up to two). */
  private String longestLegalPrefix(int from) {
    int to = from;
    int units = 0;
    while (units <= HardenedXml.MAX_NAME_LENGTH) {
      int c = bytes[to] & 0xFF;
      int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      units += length == 4 ? 2 : 1;
      to += length;
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Whether the JDK's parser, hardened as for payloads but without namespaces, and with room for one name just over
   * the limit, reads {@code name} as
   * the name of an empty element: whether each of its characters is one it takes in a name. A yes or no, never a
   * message.
   */
  static boolean isName(String name) {
    try {
      SAXParser parser;
      synchronized (NAME_PROBES) { // a JAXP factory is not promised to be thread-safe
        parser = HardenedXml.newParser(NAME_PROBES);
      }
      parser.setProperty(HardenedXml.NAME_LIMIT, String.valueOf(HardenedXml.MAX_NAME_LENGTH + 2));
      parser.parse(new ByteArrayInputStream(("<" + name + "/>").getBytes(StandardCharsets.UTF_8)), new DefaultHandler());
      return true;
    } catch (SAXException | IOException e) {
      return false;
    }
  }

  private static boolean isAsciiNameChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '.' || c == '-' || c == '_' || c == ':';
  }

  private Breach breach(Kind kind) {
    return new Breach(kind, line, column);
  }

  /** The byte at the scan's place, or -1 at the end. */
  private int peek() {
    return at < end ? bytes[at] & 0xFF : -1;
  }

  private boolean startsWith(String ascii) {
    if (end - at < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if ((bytes[at + i] & 0xFF) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw GIVE_UP;
    }
    advance();
  }

  private boolean skipSpace() {
    boolean any = false;
    for (int c = peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = peek()) {
      advance();
      any = true;
    }
    return any;
  }

  private void skip(int characters) {
    for (int i = 0; i < characters; i++) {
      advance();
    }
  }

  /** Passes over everything up to and including {@code ascii}; gives up at the end. */
  private void skipPast(String ascii) {
    byte first = (byte) ascii.charAt(0);
    while (true) {
      skipPlainText(first);
      if (at >= end) {
        throw GIVE_UP;
      }
      if (bytes[at] == first && startsWith(ascii)) {
        break;
      }
      advance(); // a line end, another character, or a first byte not followed by the rest
    }
    skip(ascii.length());
  }

  /** Passes over printable ASCII other than {@code stop}, the bulk of most text, a column each. */
  private void skipPlainText(byte stop) {
    int from = at;
    while (at < end && bytes[at] >= 0x20 && bytes[at] != stop) {
      at++;
    }
    column += at - from;
  }

  /** Passes over one character, counting lines and columns as the parser does. */
  private void advance() {
    int c = peek();
    if (c < 0) {
      throw GIVE_UP;
    }
    if (c == '\n' || c == '\r') {
      at += c == '\r' && at + 1 < end && bytes[at + 1] == '\n' ? 2 : 1;
      line++;
      column = 1;
      return;
    }
    int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    at = Math.min(end, at + length);
    column += length == 4 ? 2 : 1; // a character beyond the BMP is two UTF-16 units
  }
}
