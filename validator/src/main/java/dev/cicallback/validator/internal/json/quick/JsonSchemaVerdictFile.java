package dev.cicallback.validator.internal.json.quick;

import dev.cicallback.contract.Contract;
import dev.cicallback.validator.internal.core.CompiledForm;
import dev.cicallback.validator.internal.json.quick.JsonSchemaVerdict.Member;
import dev.cicallback.validator.internal.json.quick.JsonSchemaVerdict.Node;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compiled JSON Schema entries as the build writes them into the jar ({@link #resource}), one file per entry
 * ({@link #ENTRIES}): a run reads them instead of reading the packaged schema files into trees and compiling them,
 * which was most of a one-file run's time (BENCHMARKS.md, "Cold start"). A test holds each packaged file to what
 * compiling the packaged schemas gives, byte for byte.
 */
final class JsonSchemaVerdictFile {

  /** The entries compiled at build time: the job and workflow callbacks, and the two forms of moderation results. */
  static final List<String> ENTRIES = List.of(Contract.CALLBACK, Contract.MODERATION_DETAIL, Contract.MODERATION_SIMPLE);

  private static final int MAGIC = 0x4A535654; // "JSVT"
  private static final int VERSION = 2;

  private JsonSchemaVerdictFile() {}

  /** The classpath resource of {@code entry} compiled. */
  static String resource(String entry) {
    return "dev/cicallback/validator/internal/json/quick/" + entry + ".schema.verdict";
  }

  /** The build step: writes each of {@link #ENTRIES} compiled into the classes folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    for (String entry : ENTRIES) {
      CompiledForm.save(args[0] + "/" + resource(entry), write(JsonSchemaVerdict.compilePackaged(entry)));
    }
  }

  /** {@code entry} compiled as the jar packaged it, or null when the jar has none (a build that skipped the step). */
  static JsonSchemaVerdict packaged(String entry) {
    return CompiledForm.packaged(resource(entry), MAGIC, VERSION, JsonSchemaVerdictFile::body);
  }

  /** Reads a compiled schema that {@link #write} wrote. */
  static JsonSchemaVerdict read(InputStream in) throws IOException {
    return CompiledForm.read(in, "a compiled JSON Schema", MAGIC, VERSION, JsonSchemaVerdictFile::body);
  }

  /** The compiled schema as bytes, its subschemas numbered in a walk ordered by member names. */
  static byte[] write(JsonSchemaVerdict verdict) {
    List<Node> nodes = new ArrayList<>();
    Map<Node, Integer> ids = new IdentityHashMap<>();
    number(verdict.root(), nodes, ids);
    return CompiledForm.bytes(MAGIC, VERSION, out -> {
      out.writeInt(nodes.size());
      for (Node node : nodes) {
        out.writeInt(node.types);
        CompiledForm.writeStrings(out, node.allowed == null ? null : Arrays.asList(node.allowed));
        CompiledForm.writeString(out, node.patternSource);
        CompiledForm.writeString(out, node.minimum == null ? null : node.minimum.toString());
        CompiledForm.writeString(out, node.maximum == null ? null : node.maximum.toString());
        out.writeInt(node.properties == null ? -1 : node.properties.size());
        if (node.properties != null) {
          for (Map.Entry<String, Member> member : new TreeMap<>(node.properties).entrySet()) {
            out.writeUTF(member.getKey());
            out.writeInt(ids.get(member.getValue().node()));
            out.writeInt(member.getValue().bit());
          }
        }
        writeWords(out, node.requiredMask);
        writeWords(out, node.exactlyOneMask);
        out.writeInt(node.items == null ? -1 : ids.get(node.items));
        out.writeInt(node.members == null ? -1 : ids.get(node.members));
        out.writeInt(node.minItems);
        out.writeInt(node.oneOf == null ? -1 : node.oneOf.length);
        if (node.oneOf != null) {
          for (Node branch : node.oneOf) {
            out.writeInt(ids.get(branch));
          }
        }
      }
    });
  }

  /** A mask of words: their count (-1 for none), then each. */
  private static void writeWords(DataOutputStream out, long[] words) throws IOException {
    out.writeInt(words == null ? -1 : words.length);
    if (words != null) {
      for (long word : words) {
        out.writeLong(word);
      }
    }
  }

  private static long[] readWords(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      return null;
    }
    long[] words = new long[count];
    for (int i = 0; i < count; i++) {
      words[i] = in.readLong();
    }
    return words;
  }

  private static void number(Node node, List<Node> nodes, Map<Node, Integer> ids) {
    if (node == null || ids.putIfAbsent(node, nodes.size()) != null) {
      return;
    }
    nodes.add(node);
    if (node.properties != null) {
      for (Member member : new TreeMap<>(node.properties).values()) {
        number(member.node(), nodes, ids);
      }
    }
    number(node.items, nodes, ids);
    number(node.members, nodes, ids);
    if (node.oneOf != null) {
      for (Node branch : node.oneOf) {
        number(branch, nodes, ids);
      }
    }
  }

  private static JsonSchemaVerdict body(DataInputStream in) throws IOException {
    Node[] nodes = new Node[in.readInt()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new Node();
    }
    for (Node node : nodes) {
      node.types = in.readInt();
      List<String> allowed = CompiledForm.readStrings(in);
      node.allowed = allowed == null ? null : allowed.toArray(new String[0]);
      node.patternSource = CompiledForm.readString(in);
      node.pattern = node.patternSource == null ? null : SchemaPattern.compile(node.patternSource);
      String minimum = CompiledForm.readString(in);
      String maximum = CompiledForm.readString(in);
      node.minimum = minimum == null ? null : new BigDecimal(minimum);
      node.maximum = maximum == null ? null : new BigDecimal(maximum);
      int members = in.readInt();
      if (members >= 0) {
        node.properties = new HashMap<>(members * 2);
        for (int i = 0; i < members; i++) {
          String name = in.readUTF();
          Node member = nodes[in.readInt()];
          node.properties.put(name, new Member(member, in.readInt()));
        }
      }
      long[] required = readWords(in);
      node.requiredMask = required == null ? node.requiredMask : required;
      node.exactlyOneMask = readWords(in);
      int items = in.readInt();
      node.items = items < 0 ? null : nodes[items];
      int memberValues = in.readInt();
      node.members = memberValues < 0 ? null : nodes[memberValues];
      node.minItems = in.readInt();
      int branches = in.readInt();
      if (branches >= 0) {
        node.oneOf = new Node[branches];
        for (int i = 0; i < branches; i++) {
          node.oneOf[i] = nodes[in.readInt()];
        }
      }
    }
    return new JsonSchemaVerdict(nodes[0]);
  }
}
