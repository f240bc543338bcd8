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
 * values as bytes for {@link #mayHold}, which tells a payload that cannot hold any of them from its bytes alone.
 * Immutable.
 */
public final class TagRules {

  private static final Lazy<TagRules> XML =
      new Lazy<>(() -> new TagRules(Contract.packaged().tagRequirements(SchemaForm.XSD), true));
  private static final Lazy<TagRules> JSON =
      new Lazy<>(() -> new TagRules(Contract.packaged().tagRequirements(SchemaForm.JSON_SCHEMA), false));

  /** The start of an XML declaration; another instruction there counts as one that could spell a Tag. */
  private static final byte[] DECLARATION = "<?xml ".getBytes(StandardCharsets.US_ASCII);

  private final boolean xml;
  private final Map<String, List<TagRequirement>> byParent = new LinkedHashMap<>();
  private final Set<String> followed = new HashSet<>();
  private final byte[][] values;

  /** The rules of {@code byTag} (Tag to its requirements), for the XML form or the JSON form. */
  public TagRules(Map<String, List<TagRequirement>> byTag, boolean xml) {
    this.xml = xml;
    List<byte[]> tags = new ArrayList<>();
    for (Map.Entry<String, List<TagRequirement>> tag : byTag.entrySet()) {
      tags.add(tag.getKey().getBytes(StandardCharsets.UTF_8));
      for (TagRequirement requirement : tag.getValue()) {
        String parent = String.join("/", requirement.parent());
        byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(requirement);
        for (int i = 0; i <= requirement.parent().size(); i++) {
          followed.add(String.join("/", requirement.parent().subList(0, i)));
        }
      }
    }
    this.values = tags.toArray(new byte[0][]);
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
    return values.length == 0;
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
   * Whether the payload may hold a job of a Tag with requirements, from its bytes alone: false only when none of
   * those Tags' values is written out in it and nothing could spell one otherwise (in XML a reference, a CDATA
   * section, a comment or an instruction after the XML declaration; in JSON an escape). One pass, no parsing.
   */
  public boolean mayHold(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int from = xml ? afterDeclaration(bytes, offset, end) : offset;
    for (int i = from; i < end; i++) {
      byte b = bytes[i];
      if (xml) {
        if (b == '&' || b == '<' && i + 1 < end && (bytes[i + 1] == '!' || bytes[i + 1] == '?')) {
          return true;
        }
      } else if (b == '\\') {
        return true;
      }
      for (byte[] value : values) {
        if (b == value[0] && startsWith(bytes, i, end, value)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where the content after an XML declaration starts (after a byte order mark and white space), else the start. */
  private static int afterDeclaration(byte[] bytes, int offset, int end) {
    int i = offset;
    if (end - i >= 3 && bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBB && bytes[i + 2] == (byte) 0xBF) {
      i += 3;
    }
    if (!startsWith(bytes, i, end, DECLARATION)) {
      return offset;
    }
    for (int j = i + DECLARATION.length; j + 1 < end; j++) {
      if (bytes[j] == '?' && bytes[j + 1] == '>') {
        return j + 2;
      }
    }
    return offset;
  }

  private static boolean startsWith(byte[] bytes, int at, int end, byte[] prefix) {
    if (end - at < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (bytes[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
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
