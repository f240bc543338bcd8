package dev.cicallback.validator.internal.xml.quick;

import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.ComplexType;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Declaration;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Fields;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Position;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Step;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * A yes-or-no reading of an XML payload against the packaged XSD in one pass over its bytes, with no parser or schema
 * validator behind it. It answers "well-formed, valid, with nothing the contract does not know and no limit reached?"
 * for the payloads CI sends, at a small fraction of the schema validator's cost (BENCHMARKS.md, "Batches at scale":
 * that validator was over 90% of a batch's time), and so the XSD is compiled for the schema validator only when a
 * payload needs it.
 *
 * <p>It is never more lenient than the schema validator: it reads a strict subset of XML (UTF-8, an optional XML 1.0
 * declaration, elements without attributes or namespaces, text with the predefined and character references, CDATA
 * sections, comments, and processing instructions with an ASCII target) and says no at anything else, a DOCTYPE, an
 * instruction target with another character, a CDATA section in an element declared empty, a reference between
 * elements or of more than seven digits, XML 1.1 or a limit, for the parser-based passes to decide. The schema side reads only the constructs the contract uses ({@link XsdAutomaton}
 * refuses any other); tests hold its verdicts to the schema validator's on every fixture, hostile input, fuzz case
 * and thousands of damaged payloads.
 */
public final class XsdVerdict {

  private static final Lazy<XsdVerdict> SHARED = new Lazy<>(() -> new XsdVerdict(packagedOrCompiled()));

  /** Thrown to stop at the first doubt; made once, with no stack trace. */
  private static final RuntimeException DOUBT = new RuntimeException("ask the parser", null, false, false) {};

  private static final Attributes NO_ATTRIBUTES = new AttributesImpl();

  /** XML's predefined entities, as a reference names them after its {@code &}, and the characters they stand for. */
  private static final String[] ENTITIES = {"lt;", "gt;", "amp;", "apos;", "quot;"};
  private static final String ENTITY_CHARACTERS = "<>&'\"";

  private final XsdAutomaton automaton;

  XsdVerdict(XsdAutomaton automaton) {
    this.automaton = automaton;
  }

  /** The compiled contract the build packaged, or, in a build that skipped that step, the XSD compiled now. */
  private static XsdAutomaton packagedOrCompiled() {
    XsdAutomaton packaged = XsdAutomatonFile.packaged();
    return packaged != null ? packaged : XsdAutomaton.compile();
  }

  /** The verdict of the contract every callback follows ({@link SchemaFiles#CALLBACK_XSD}). */
  public static XsdVerdict shared() {
    return SHARED.get();
  }

  /** Whether the payload in {@code bytes[offset, offset + length)} is surely valid under {@code options}' limits. */
  public boolean passes(byte[] bytes, int offset, int length, ValidatorOptions options) {
    return passes(bytes, offset, length, options, null);
  }

  /**
   * Like {@link #passes(byte[], int, int, ValidatorOptions)}, giving {@code tree} (if not null) the events a
   * namespace-aware parser would: elements without attributes and their text as the schema sees it. The events are
   * complete only on yes.
   */
  public boolean passes(byte[] bytes, int offset, int length, ValidatorOptions options, ContentHandler tree) {
    try {
      new Scan(automaton, bytes, offset, offset + length, options, tree).document();
      return true;
    } catch (RuntimeException doubt) { // DOUBT, or an index past the end: the parser decides either way
      return false;
    } catch (SAXException e) {
      return false; // the tree's, which builds and never refuses
    }
  }

  /** An element being read. */
  private static final class Frame {
    Declaration declaration;
    int nameStart;
    int nameLength;
    Position state;
    boolean[] seen = new boolean[0];
    boolean sawChild;
    /** Per field of the identity constraints this element scopes: how many nodes it matched. */
    int[] counts = new int[0];
    /** Field paths under way: the scoping element and the step reached, one pair per path. */
    Frame[] scopes = new Frame[2];
    Step[] steps = new Step[2];
    int active;

    void follow(Frame scope, Step step) {
      if (active == scopes.length) {
        scopes = Arrays.copyOf(scopes, active * 2);
        steps = Arrays.copyOf(steps, active * 2);
      }
      scopes[active] = scope;
      steps[active++] = step;
    }
  }

  /** One payload's reading. */
  private static final class Scan {
    private final XsdAutomaton automaton;
    private final byte[] bytes;
    private final int end;
    private final ValidatorOptions options;
    private final ContentHandler tree;
    private int pos;
    private Frame[] frames = new Frame[8];
    private int depth;
    private int elements;
    /** The last text read: where it is, and whether it needs decoding (a reference, a CR or a non-ASCII byte). */
    private int textStart;
    private int textEnd;
    private boolean textEncoded;
    /**
     * Whether the content since the last tag came in pieces (text, CDATA sections, comments, instructions), and then,
     * for a simple type with facets, its text joined: the value the schema judges.
     */
    private boolean split;
    private StringBuilder joined;

    Scan(XsdAutomaton automaton, byte[] bytes, int start, int end, ValidatorOptions options, ContentHandler tree) {
      this.automaton = automaton;
      this.bytes = bytes;
      this.pos = start;
      this.end = end;
      this.options = options;
      this.tree = tree;
    }

    void document() throws SAXException {
      if (end - pos >= 3 && bytes[pos] == (byte) 0xEF && bytes[pos + 1] == (byte) 0xBB
          && bytes[pos + 2] == (byte) 0xBF) {
        pos += 3;
      }
      if (startsWith("<?xml") && !isNameByte(byteAt(pos + 5))) { // "<?xml-stylesheet" is an instruction
        xmlDeclaration();
      }
      misc();
      startTag(); // the root: a DOCTYPE or nothing at all doubts here
      while (depth > 0) {
        Frame top = frames[depth - 1];
        content(top);
        if (byteAt(pos + 1) == '/') {
          endTag(top);
        } else if (top.declaration.complex == null) {
          throw DOUBT; // a child in a simple-typed element
        } else {
          startTag();
        }
      }
      misc();
      if (pos != end) {
        throw DOUBT;
      }
    }

    /** {@code <?xml version="1.0" (encoding="UTF-8")? (standalone="yes|no")? ?>}, nothing else. */
    private void xmlDeclaration() {
      pos += 5;
      require(spaces());
      expectWord("version");
      equalsSign();
      expectQuoted("1.0");
      boolean space = spaces();
      if (space && startsWith("encoding")) {
        expectWord("encoding");
        equalsSign();
        byte quote = quote();
        int start = pos;
        while (byteAt(pos) != quote) {
          pos++;
        }
        require(new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1).equalsIgnoreCase("UTF-8"));
        pos++;
        space = spaces();
      }
      if (space && startsWith("standalone")) {
        expectWord("standalone");
        equalsSign();
        byte quote = quote();
        if (startsWith("yes")) {
          pos += 3;
        } else {
          expectWord("no");
        }
        require(byteAt(pos++) == quote);
        spaces();
      }
      expectWord("?>");
    }

    /** White space, comments and processing instructions, before and after the root. */
    private void misc() {
      while (pos < end) {
        byte b = bytes[pos];
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
          pos++;
        } else if (startsWith("<!--")) {
          comment();
        } else if (startsWith("<?")) {
          instruction();
        } else {
          return;
        }
      }
    }

    private void comment() {
      pos += 4;
      while (true) {
        byte b = byteAt(pos);
        if (b == '-' && byteAt(pos + 1) == '-') {
          require(byteAt(pos + 2) == '>'); // "--" ends a comment
          pos += 3;
          return;
        }
        character(b);
      }
    }

    /**
     * A processing instruction at {@code pos}: a target of at most 1,000 ASCII name characters (a colon, which
     * Namespaces in XML forbids, or any other character doubts), not {@code xml} in any case, then nothing or white
     * space and its data.
     * Nobody reads the instruction: the schema and the tree ignore it.
     */
    private void instruction() {
      pos += 2;
      int target = pos;
      byte first = byteAt(pos);
      require(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first == '_');
      pos++;
      while (isNameByte(byteAt(pos))) {
        pos++;
      }
      require(pos - target <= 1000); // the parser's name limit holds for targets too
      require(pos - target != 3 || (bytes[target] | 0x20) != 'x' || (bytes[target + 1] | 0x20) != 'm'
          || (bytes[target + 2] | 0x20) != 'l');
      if (!startsWith("?>")) {
        require(spaces());
        while (byteAt(pos) != '?' || byteAt(pos + 1) != '>') {
          character(bytes[pos]);
        }
      }
      pos += 2;
    }

    /** An element's start tag at {@code pos}; an empty one is also ended. */
    private void startTag() throws SAXException {
      require(byteAt(pos) == '<');
      int nameStart = ++pos;
      byte first = byteAt(pos);
      require(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first == '_');
      pos++;
      while (pos < end && isNameByte(bytes[pos])) {
        pos++;
      }
      int nameLength = pos - nameStart;
      boolean empty = false;
      spaces();
      if (byteAt(pos) == '/') {
        pos++;
        empty = true;
      }
      require(byteAt(pos++) == '>'); // an attribute, a namespace prefix or a non-ASCII name doubts here
      require(++elements <= options.maxNodes() && depth + 1 < options.maxDepth() && nameLength <= 1000);
      String name = new String(bytes, nameStart, nameLength, StandardCharsets.ISO_8859_1);
      Frame parent = depth == 0 ? null : frames[depth - 1];
      Declaration declaration = parent == null ? automaton.roots.get(name) : child(parent, name);
      require(declaration != null);
      Frame frame = push();
      frame.declaration = declaration;
      frame.nameStart = nameStart;
      frame.nameLength = nameLength;
      frame.sawChild = false;
      ComplexType complex = declaration.complex;
      if (complex != null) {
        frame.state = complex.start;
        if (complex.all != null) {
          if (frame.seen.length < complex.all.size) {
            frame.seen = new boolean[complex.all.size];
          } else {
            Arrays.fill(frame.seen, 0, complex.all.size, false);
          }
        }
      }
      fields(parent, frame, name);
      if (tree != null) {
        tree.startElement("", name, name, NO_ATTRIBUTES);
      }
      if (empty) {
        textStart = textEnd = pos;
        textEncoded = false;
        split = false;
        close(frame);
      }
    }

    /** The declaration of {@code name} as the next child of {@code parent}; null if the content model refuses it. */
    private static Declaration child(Frame parent, String name) {
      ComplexType complex = parent.declaration.complex;
      parent.sawChild = true;
      if (complex.all != null) {
        Integer slot = complex.all.slots.get(name);
        if (slot == null || parent.seen[slot]) {
          return null;
        }
        parent.seen[slot] = true;
        return complex.all.declarations.get(slot);
      }
      Position next = parent.state.next.get(name);
      if (next == null) {
        return null;
      }
      parent.state = next;
      return next.declaration;
    }

    /** Counts the identity-constraint fields the new element matches and starts the paths it continues. */
    private static void fields(Frame parent, Frame frame, String name) {
      frame.active = 0;
      if (parent != null) {
        for (int i = 0; i < parent.active; i++) {
          Step step = parent.steps[i].children.get(name);
          if (step == null) {
            continue;
          }
          for (int field : step.fields) {
            // A field matching two nodes, or an element that is not simply typed, is an error.
            require(++parent.scopes[i].counts[field] == 1 && frame.declaration.simple != null);
          }
          if (!step.children.isEmpty()) {
            frame.follow(parent.scopes[i], step);
          }
        }
      }
      Fields fields = frame.declaration.fields;
      if (fields != null) {
        if (frame.counts.length < fields.count) {
          frame.counts = new int[fields.count];
        } else {
          Arrays.fill(frame.counts, 0, fields.count, 0);
        }
        frame.follow(frame, fields.root);
      }
    }

    /** The end tag of {@code top} at {@code pos}. */
    private void endTag(Frame top) throws SAXException {
      pos += 2;
      require(pos + top.nameLength <= end
          && Arrays.equals(bytes, pos, pos + top.nameLength, bytes, top.nameStart, top.nameStart + top.nameLength));
      pos += top.nameLength;
      spaces();
      require(byteAt(pos++) == '>');
      close(top);
    }

    /** Checks the element's content now that it is complete, and leaves it. */
    private void close(Frame frame) throws SAXException {
      Declaration declaration = frame.declaration;
      if (declaration.simple != null) {
        if (!declaration.simple.plain) {
          require(declaration.simple.allows(split ? joined.toString() : textEncoded ? decoded() : ascii()));
        }
      } else {
        ComplexType complex = declaration.complex;
        if (complex.all != null) {
          if (frame.sawChild || !complex.all.emptiable) {
            boolean[] required = complex.all.requiredSlots;
            for (int i = 0; i < required.length; i++) {
              require(!required[i] || frame.seen[i]);
            }
          }
        } else {
          require(frame.state.accepting);
        }
      }
      Fields fields = declaration.fields;
      if (fields != null) {
        for (int key : fields.keyFields) {
          require(frame.counts[key] == 1);
        }
      }
      if (tree != null) {
        String name = declaration.name;
        tree.endElement("", name, name);
      }
      depth--;
    }

    /**
     * An element's content up to the next tag: text, CDATA sections, comments and processing instructions, each
     * given to the tree as the parser does (the tree joins the pieces); for a simple type with facets the pieces are
     * joined here too. The limit on text holds for the pieces together, in bytes, as the parser counts characters
     * from one tag to the next.
     */
    private void content(Frame top) throws SAXException {
      split = false;
      boolean value = top.declaration.simple != null && !top.declaration.simple.plain;
      long length = 0;
      while (true) {
        text(top);
        length += textEnd - textStart;
        String run = null;
        if (textEnd > textStart && (tree != null || split && value)) {
          run = textEncoded ? decoded() : ascii();
          characters(run);
          if (split && value) {
            joined.append(run);
          }
        }
        byte next = byteAt(pos + 1);
        if (next != '!' && next != '?') {
          break; // a tag
        }
        if (!split) {
          split = true;
          if (value) {
            if (joined == null) {
              joined = new StringBuilder();
            }
            joined.setLength(0);
            if (textEnd > textStart) {
              joined.append(run != null ? run : textEncoded ? decoded() : ascii());
            }
          }
        }
        if (next == '?') {
          instruction();
        } else if (startsWith("<!--")) {
          comment();
        } else if (startsWith("<![CDATA[")) {
          length += cdata(top, value);
        } else {
          throw DOUBT; // a DOCTYPE or other declaration
        }
      }
      require(length <= options.maxStringLength()); // bytes: never fewer than the parser's characters
    }

    /**
     * A CDATA section at {@code pos}: its characters as written, no reference read, line ends normalized; in element
     * content white space only, as for text (the schema sees characters), and none in an element declared empty.
     * Returns its length in bytes.
     */
    private int cdata(Frame top, boolean value) throws SAXException {
      pos += 9;
      int start = pos;
      boolean encoded = false;
      ComplexType complex = top.declaration.complex;
      require(complex == null || !complex.empty);
      while (byteAt(pos) != ']' || byteAt(pos + 1) != ']' || byteAt(pos + 2) != '>') {
        byte b = bytes[pos];
        if (complex != null) {
          require(b == ' ' || b == '\n' || b == '\t' || b == '\r');
          pos++;
        } else {
          character(b);
        }
        encoded |= b < 0 || b == '\r';
      }
      int length = pos - start;
      pos += 3;
      if (length > 0 && (tree != null || value)) {
        String text = encoded ? decoded(start, start + length, false) : ascii(start, start + length);
        characters(text);
        if (value) {
          joined.append(text);
        }
      }
      return length;
    }

    private void characters(String text) throws SAXException {
      if (tree != null) {
        char[] chars = text.toCharArray();
        tree.characters(chars, 0, chars.length);
      }
    }

    /**
     * Text up to the next {@code <}: white space only in element content (none at all in empty content), and in
     * simple content any characters, with references checked; its place is kept for the simple type's facets.
     */
    private void text(Frame top) {
      int start = pos;
      boolean encoded = false;
      ComplexType complex = top.declaration.complex;
      if (complex != null) {
        while (byteAt(pos) != '<') {
          byte b = bytes[pos++];
          require(!complex.empty && (b == ' ' || b == '\n' || b == '\t' || b == '\r'));
          encoded |= b == '\r';
        }
      } else {
        while (true) {
          byte b = byteAt(pos);
          if (b == '<') {
            break;
          } else if (b == '&') {
            reference();
            encoded = true;
          } else if (b == ']' && byteAt(pos + 1) == ']' && byteAt(pos + 2) == '>') {
            throw DOUBT; // "]]>" may not occur in text
          } else {
            encoded |= b < 0 || b == '\r';
            character(b);
          }
        }
      }
      textStart = start;
      textEnd = pos;
      textEncoded = encoded;
    }

    /** Passes one character of text or comment at {@code pos} ({@code b} its first byte) if XML allows it. */
    private void character(byte b) {
      if (b >= 0x20 || b == '\n' || b == '\t' || b == '\r') {
        pos++;
      } else if (b < 0) {
        require(isXmlChar(utf8()));
      } else {
        throw DOUBT;
      }
    }

    /** A predefined entity or character reference at {@code pos}; returns the character it stands for. */
    private int reference() {
      pos++;
      for (int i = 0; i < ENTITIES.length; i++) {
        if (startsWith(ENTITIES[i])) {
          pos += ENTITIES[i].length();
          return ENTITY_CHARACTERS.charAt(i);
        }
      }
      require(byteAt(pos++) == '#');
      boolean hex = byteAt(pos) == 'x';
      if (hex) {
        pos++;
      }
      int value = 0;
      int digits = 0;
      while (byteAt(pos) != ';') {
        int digit = Character.digit(bytes[pos++], hex ? 16 : 10);
        require(digit >= 0 && ++digits <= 7);
        value = value * (hex ? 16 : 10) + digit;
      }
      pos++;
      require(digits > 0 && isXmlChar(value));
      return value;
    }

    /** Decodes the UTF-8 sequence at {@code pos} (the bytes were checked before, and are again). */
    private int utf8() {
      int b0 = bytes[pos] & 0xFF;
      int count = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC2 ? 1 : -1;
      require(count > 0 && b0 < 0xF5 && pos + count < end);
      int value = b0 & (0x3F >> count);
      for (int i = 1; i <= count; i++) {
        int b = bytes[pos + i] & 0xFF;
        require((b & 0xC0) == 0x80);
        value = value << 6 | b & 0x3F;
      }
      // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
      require(value >= (count == 1 ? 0x80 : count == 2 ? 0x800 : 0x10000) && value <= 0x10FFFF
          && (value < 0xD800 || value > 0xDFFF));
      pos += count + 1;
      return value;
    }

    private String ascii() {
      return ascii(textStart, textEnd);
    }

    private String ascii(int start, int stop) {
      return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    /** The last text as the schema sees it: references replaced, line ends normalized, UTF-8 decoded. */
    private String decoded() {
      return decoded(textStart, textEnd, true);
    }

    /** The characters of {@code [start, stop)}: line ends normalized, UTF-8 decoded, and references replaced if so. */
    private String decoded(int start, int stop, boolean references) {
      StringBuilder value = new StringBuilder(stop - start);
      int saved = pos;
      pos = start;
      while (pos < stop) {
        byte b = bytes[pos];
        if (b == '&' && references) {
          value.appendCodePoint(reference());
        } else if (b == '\r') {
          value.append('\n');
          pos += pos + 1 < stop && bytes[pos + 1] == '\n' ? 2 : 1;
        } else if (b < 0) {
          value.appendCodePoint(utf8());
        } else {
          value.append((char) b);
          pos++;
        }
      }
      pos = saved;
      return value.toString();
    }

    private Frame push() {
      if (depth == frames.length) {
        frames = Arrays.copyOf(frames, depth * 2);
      }
      Frame frame = frames[depth];
      if (frame == null) {
        frame = new Frame();
        frames[depth] = frame;
      }
      depth++;
      return frame;
    }

    private boolean spaces() {
      int start = pos;
      while (pos < end && (bytes[pos] == ' ' || bytes[pos] == '\n' || bytes[pos] == '\t' || bytes[pos] == '\r')) {
        pos++;
      }
      return pos > start;
    }

    private void equalsSign() {
      spaces();
      require(byteAt(pos++) == '=');
      spaces();
    }

    private byte quote() {
      byte quote = byteAt(pos++);
      require(quote == '"' || quote == '\'');
      return quote;
    }

    private void expectQuoted(String value) {
      byte quote = quote();
      expectWord(value);
      require(byteAt(pos++) == quote);
    }

    private void expectWord(String word) {
      require(startsWith(word));
      pos += word.length();
    }

    private boolean startsWith(String word) {
      if (end - pos < word.length()) {
        return false;
      }
      for (int i = 0; i < word.length(); i++) {
        if (bytes[pos + i] != word.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** The byte at {@code at}; doubts past the end, where a well-formed payload never reads. */
    private byte byteAt(int at) {
      if (at >= end) {
        throw DOUBT;
      }
      return bytes[at];
    }

    private static boolean isNameByte(byte b) {
      return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-'
          || b == '.';
    }

    private static boolean isXmlChar(int c) {
      return c >= 0x20 && c <= 0xD7FF || c == '\n' || c == '\t' || c == '\r' || c >= 0xE000 && c <= 0xFFFD
          || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static void require(boolean condition) {
      if (!condition) {
        throw DOUBT;
      }
    }
  }
}
