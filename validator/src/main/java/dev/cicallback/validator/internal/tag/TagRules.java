package dev.cicallback.validator.internal.tag;

import dev.cicallback.contract.Contract;
import dev.cicallback.contract.SchemaForm;
import dev.cicallback.contract.TagRequirement;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Tag requirements of one wire form ({@link Contract#tagRequirements}), arranged for the watch: by the path of
 * the parent they are checked under, with every path the watch must follow from {@code JobsDetail}, and the Tag
 * values as text for {@link #mayHold}, which tells a payload that cannot hold any of them from its bytes alone.
 * Immutable.
 */
public final class TagRules {

  private static final Lazy<TagRules> XML =
      new Lazy<>(() -> new TagRules(Contract.packaged().tagRequirements(SchemaForm.XSD), true));
  private static final Lazy<TagRules> JSON =
      new Lazy<>(() -> new TagRules(Contract.packaged().tagRequirements(SchemaForm.JSON_SCHEMA), false));

  private final boolean xml;
  private final Map<String, List<TagRequirement>> byParent = new LinkedHashMap<>();
  private final Set<String> followed = new HashSet<>();
  /** The Tag values as Latin-1 text: their UTF-8 bytes, one character each, as {@link #mayHold} searches. */
  private final List<String> latin1Values = new ArrayList<>();

  /** The rules of {@code byTag} (Tag to its requirements), for the XML form or the JSON form. */
  public TagRules(Map<String, List<TagRequirement>> byTag, boolean xml) {
    this.xml = xml;
    for (Map.Entry<String, List<TagRequirement>> tag : byTag.entrySet()) {
      latin1Values.add(new String(tag.getKey().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
      for (TagRequirement requirement : tag.getValue()) {
        String parent = String.join("/", requirement.parent());
        byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(requirement);
        for (int i = 0; i <= requirement.parent().size(); i++) {
          followed.add(String.join("/", requirement.parent().subList(0, i)));
        }
      }
    }
  }

  /** The packaged contract's rules for XML payloads (the XSD form's per-Tag entries). */
  public static TagRules xml() {
    return XML.get();
  }

  /** The packaged contract's rules for JSON payloads (the JSON Schema form's per-Tag entries). */
  public static TagRules json() {
    return JSON.get();
  }

  /** Whether no Tag has requirements: nothing to watch. */
  public boolean isEmpty() {
    return latin1Values.isEmpty();
  }

  /** The requirements checked under each occurrence of the parent at {@code path} from JobsDetail ("" for it). */
  List<TagRequirement> under(String path) {
    return byParent.getOrDefault(path, List.of());
  }

  /** Whether the watch follows the node at {@code path} from JobsDetail: a parent of requirements or on the way. */
  boolean follows(String path) {
    return followed.contains(path);
  }

  /**
   * Whether the payload may hold a job of a Tag with requirements, from its bytes alone, never false for one that
   * does. XML: some {@code Tag} element (an element name is always written out) holds one of those Tags' values, or
   * text spelled otherwise (a reference, or a CDATA section, comment or instruction beside or instead of its text).
   * JSON: one of the values is written out, or the payload has an escape (which could spell a name or a value). No
   * parsing: the bytes are searched as Latin-1 text, whose searches the JVM runs on many bytes at once (a
   * byte-by-byte loop cost a fifth of a small payload's validation).
   */
  public boolean mayHold(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    if (!xml) {
      for (String value : latin1Values) {
        if (text.indexOf(value) >= 0) {
          return true;
        }
      }
      return text.indexOf('\\') >= 0;
    }
    for (int at = text.indexOf("<Tag"); at >= 0; at = text.indexOf("<Tag", at + 4)) {
      if (tagMayHold(text, at + 4)) {
        return true;
      }
    }
    return false;
  }

  /** After {@code <Tag} at {@code from}: whether this is a Tag element whose text may be one of the values. */
  private boolean tagMayHold(String text, int from) {
    if (from >= text.length()) {
      return false;
    }
    char next = text.charAt(from);
    if (next != '>' && next != '/' && next > ' ') {
      return false; // another name that starts with Tag
    }
    int open = text.indexOf('>', from);
    if (open < 0 || text.charAt(open - 1) == '/') {
      return false; // unfinished, or empty
    }
    int close = text.indexOf('<', open + 1);
    if (close < 0) {
      return false;
    }
    String content = text.substring(open + 1, close);
    return content.indexOf('&') >= 0 || !text.startsWith("</", close) || latin1Values.contains(content);
  }

  /**
   * The problem a job lacking {@code requirement} is, placed at its parent: {@code at} and {@code location} (the
   * parent's XPath or JSON Pointer).
   */
  public Problem problem(TagRequirement requirement, TextPosition at, String location) {
    String file = requirement.entry() + (xml ? ".xsd" : ".schema.json");
    return Messages.error(ProblemCode.MISSING, at.line(), at.column(), location, Text.MISSING_TAG_REQUIRED,
        requirement.parentName(), requirement.node(), requirement.tag(), file);
  }

  @Override
  public String toString() {
    return "TagRules" + byParent;
  }
}
