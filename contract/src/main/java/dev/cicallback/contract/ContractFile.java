package dev.cicallback.contract;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract read at build time and packaged in this jar, one compact file per form ({@link #resource}), so that
 * {@link Contract#packaged()} reads the form it is asked for instead of parsing the schema files at every start:
 * reading the 27 XSD and 27 JSON Schema files takes about 350 ms in a cold JVM, which a single-payload run would pay
 * for its first message; one form's file, about 25 ms.
 *
 * <p>The build step ({@link #main}) reads {@code schema/}, fails naming each {@link Refusal} when the contract uses a
 * construct it may not, and writes the file; a test holds the file to a fresh reading of {@code schema/}.
 */
final class ContractFile {

  /** The classpath resource of the packaged contract's {@code form}: one file per form, each read when first asked. */
  static String resource(SchemaForm form) {
    return "dev/cicallback/contract/" + (form == SchemaForm.XSD ? "xsd" : "json-schema") + ".tree";
  }
  private static final int MAGIC = 0x43544354; // "CTCT"
  private static final int VERSION = 2;

  private ContractFile() {}

  /** The build step: reads the contract in {@code args[0]}, writes each form's file into the folder {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    Contract contract;
    try {
      contract = Contract.of(Path.of(args[0]));
    } catch (UnreadableSchemaException e) {
      System.err.println("the contract cannot be read: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (!contract.refusals().isEmpty()) {
      System.err.println("the contract uses constructs it may not (schema/README.md lists them):");
      contract.refusals().forEach(refusal -> System.err.println("  " + refusal));
      System.exit(1);
      return;
    }
    for (SchemaForm form : SchemaForm.values()) {
      Path file = Path.of(args[1]).resolve(resource(form));
      Files.createDirectories(file.getParent());
      Files.write(file, write(contract, form));
    }
  }

  /** Whether the jar packages the contract's files (a build that skipped the step has none). */
  static boolean isPackaged() {
    return ContractFile.class.getResource("/" + resource(SchemaForm.XSD)) != null;
  }

  /** The packaged contract's {@code form} (the other form left empty). */
  static Contract packaged(SchemaForm form) {
    try (InputStream in = ContractFile.class.getResourceAsStream("/" + resource(form))) {
      if (in == null) {
        throw new IOException("no " + resource(form));
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged contract", e);
    }
  }

  /** The packaged contract's version alone, or null when the jar has none. */
  static ContractVersion packagedVersion() {
    try (InputStream in = ContractFile.class.getResourceAsStream("/" + resource(SchemaForm.XSD))) {
      if (in == null) {
        return null;
      }
      DataInputStream data = new DataInputStream(in);
      header(data);
      String version = data.readUTF();
      return version.isEmpty() ? null : new ContractVersion(version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged contract", e);
    }
  }

  /** {@code contract}'s version and its trees of {@code form}. */
  static byte[] write(Contract contract, SchemaForm form) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(contract.version().map(ContractVersion::text).orElse(""));
      writeTagRequirements(out, contract.tagRequirements(form));
      Writer writer = new Writer();
      writer.strings.put("", 0);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream bodyOut = new DataOutputStream(body);
      Map<String, Map<String, ContractNode>> xsd = form == SchemaForm.XSD ? contract.xsd() : Map.of();
      Map<String, ContractNode> jsonSchema = form == SchemaForm.JSON_SCHEMA ? contract.jsonSchema() : Map.of();
      bodyOut.writeInt(xsd.size());
      for (Map.Entry<String, Map<String, ContractNode>> entry : new java.util.TreeMap<>(xsd).entrySet()) {
        writer.string(bodyOut, entry.getKey());
        bodyOut.writeInt(entry.getValue().size());
        for (ContractNode root : entry.getValue().values()) {
          writer.node(bodyOut, root);
        }
      }
      bodyOut.writeInt(jsonSchema.size());
      for (Map.Entry<String, ContractNode> entry : new java.util.TreeMap<>(jsonSchema).entrySet()) {
        writer.string(bodyOut, entry.getKey());
        writer.node(bodyOut, entry.getValue());
      }
      out.writeInt(writer.strings.size());
      for (String string : writer.strings.keySet()) {
        byte[] utf8 = string.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      body.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The packaged contract's Tag requirements in {@code form}, read from its file's header alone (empty when the jar
   * has no such file).
   */
  static Map<String, List<TagRequirement>> packagedTagRequirements(SchemaForm form) {
    try (InputStream in = ContractFile.class.getResourceAsStream("/" + resource(form))) {
      if (in == null) {
        return Map.of();
      }
      DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1024));
      header(data);
      data.readUTF();
      return readTagRequirements(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged contract", e);
    }
  }

  /** In the header, after the version: per Tag, its requirements (tag, entry, parent names, node). */
  private static void writeTagRequirements(DataOutputStream out, Map<String, List<TagRequirement>> byTag)
      throws IOException {
    out.writeInt(byTag.size());
    for (Map.Entry<String, List<TagRequirement>> tag : byTag.entrySet()) {
      out.writeUTF(tag.getKey());
      out.writeInt(tag.getValue().size());
      for (TagRequirement requirement : tag.getValue()) {
        out.writeUTF(requirement.entry());
        out.writeInt(requirement.parent().size());
        for (String name : requirement.parent()) {
          out.writeUTF(name);
        }
        out.writeUTF(requirement.node());
      }
    }
  }

  private static Map<String, List<TagRequirement>> readTagRequirements(DataInputStream data) throws IOException {
    Map<String, List<TagRequirement>> byTag = new java.util.TreeMap<>();
    for (int tags = data.readInt(); tags > 0; tags--) {
      String tag = data.readUTF();
      List<TagRequirement> requirements = new ArrayList<>();
      for (int n = data.readInt(); n > 0; n--) {
        String entry = data.readUTF();
        List<String> parent = new ArrayList<>();
        for (int names = data.readInt(); names > 0; names--) {
          parent.add(data.readUTF());
        }
        requirements.add(new TagRequirement(tag, entry, parent, data.readUTF()));
      }
      byTag.put(tag, List.copyOf(requirements));
    }
    return java.util.Collections.unmodifiableMap(byTag);
  }

  static Contract read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in));
    header(data);
    String version = data.readUTF();
    readTagRequirements(data); // derived again from the trees read below
    int count = data.readInt();
    String[] strings = new String[count];
    for (int i = 0; i < count; i++) {
      byte[] utf8 = new byte[data.readInt()];
      data.readFully(utf8);
      strings[i] = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }
    Reader reader = new Reader(data, strings);
    Map<String, Map<String, ContractNode>> xsd = new LinkedHashMap<>();
    for (int entries = data.readInt(); entries > 0; entries--) {
      String name = reader.string();
      Map<String, ContractNode> roots = new LinkedHashMap<>();
      for (int n = data.readInt(); n > 0; n--) {
        ContractNode root = reader.node();
        roots.put(root.name(), root);
      }
      xsd.put(name, roots);
    }
    Map<String, ContractNode> json = new LinkedHashMap<>();
    for (int entries = data.readInt(); entries > 0; entries--) {
      String name = reader.string();
      json.put(name, reader.node());
    }
    return Contract.of(version.isEmpty() ? Optional.empty() : Optional.of(new ContractVersion(version)), xsd, json);
  }

  private static void header(DataInputStream data) throws IOException {
    if (data.readInt() != MAGIC || data.readInt() != VERSION) {
      throw new IOException("not a packaged contract of this version: rebuild");
    }
  }

  /** Writes nodes, with every string once in a table. */
  private static final class Writer {
    final Map<String, Integer> strings = new LinkedHashMap<>();

    void string(DataOutputStream out, String string) throws IOException {
      Integer index = strings.get(string);
      if (index == null) {
        index = strings.size();
        strings.put(string, index);
      }
      out.writeInt(index);
    }

    void strings(DataOutputStream out, java.util.Collection<String> values) throws IOException {
      out.writeInt(values == null ? -1 : values.size());
      if (values != null) {
        for (String value : values) {
          string(out, value);
        }
      }
    }

    void node(DataOutputStream out, ContractNode node) throws IOException {
      string(out, node.name());
      out.writeByte(node.kind().ordinal());
      out.writeLong(node.min());
      out.writeLong(node.max());
      out.writeByte((node.open() ? 1 : 0) | (node.oneOrMany() ? 2 : 0) | (node.array() ? 4 : 0));
      out.writeLong(node.minItems());
      string(out, node.sourcePattern());
      string(out, node.recursiveType());
      string(out, node.typeName());
      string(out, node.group());
      docs(out, node.docs());
      docs(out, node.typeDocs());
      location(out, node.declaredAt());
      location(out, node.typeAt());
      value(out, node.value());
      content(out, node.content());
      out.writeInt(node.identities().size());
      for (Identity identity : node.identities()) {
        string(out, identity.name());
        out.writeBoolean(identity.key());
        string(out, identity.selector());
        strings(out, identity.fields());
      }
      strings(out, node.exactlyOneOf());
      out.writeInt(node.children().size());
      for (ContractNode child : node.children().values()) {
        node(out, child);
      }
    }

    void docs(DataOutputStream out, Docs docs) throws IOException {
      string(out, docs.en());
      string(out, docs.zh());
      out.writeInt(docs.differences().size());
      for (Docs.Note note : docs.differences()) {
        string(out, note.en());
        string(out, note.zh());
      }
    }

    void location(DataOutputStream out, Location location) throws IOException {
      string(out, location == null ? "" : location.file());
      out.writeInt(location == null ? -1 : location.line());
    }

    void value(DataOutputStream out, ValueType value) throws IOException {
      strings(out, new java.util.TreeSet<>(value.types())); // sets in a fixed order: reproducible builds
      strings(out, value.enumeration());
      strings(out, new java.util.TreeSet<>(value.patterns()));
      bound(out, value.lower());
      bound(out, value.upper());
      out.writeLong(value.minLength() == null ? -1 : value.minLength());
      out.writeLong(value.maxLength() == null ? -1 : value.maxLength());
    }

    void bound(DataOutputStream out, Bound bound) throws IOException {
      string(out, bound == null ? "" : bound.value().toString());
      out.writeBoolean(bound != null && bound.inclusive());
    }

    void content(DataOutputStream out, ContentModel model) throws IOException {
      if (model == null) {
        out.writeByte(0);
        return;
      }
      List<? extends ContentModel> parts;
      if (model instanceof ContentModel.Element element) {
        out.writeByte(1);
        string(out, element.name());
        parts = List.of();
      } else if (model instanceof ContentModel.Sequence sequence) {
        out.writeByte(2);
        parts = sequence.parts();
      } else if (model instanceof ContentModel.Choice choice) {
        out.writeByte(3);
        parts = choice.parts();
      } else {
        out.writeByte(4);
        parts = ((ContentModel.All) model).parts();
      }
      out.writeLong(model.min());
      out.writeLong(model.max());
      out.writeInt(parts.size());
      for (ContentModel part : parts) {
        content(out, part);
      }
    }
  }

  /** Reads what {@link Writer} wrote. */
  private static final class Reader {
    final DataInputStream in;
    final String[] strings;
    final Map<String, Location> locations = new HashMap<>();

    Reader(DataInputStream in, String[] strings) {
      this.in = in;
      this.strings = strings;
    }

    String string() throws IOException {
      return strings[in.readInt()];
    }

    List<String> strings() throws IOException {
      int count = in.readInt();
      if (count < 0) {
        return null;
      }
      List<String> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(string());
      }
      return values;
    }

    ContractNode node() throws IOException {
      String name = string();
      ContractNode.Kind kind = ContractNode.Kind.values()[in.readByte()];
      long min = in.readLong();
      long max = in.readLong();
      int flags = in.readByte();
      ContractNode node = new ContractNode(name, kind, null).occurs(min, max).open((flags & 1) != 0)
          .oneOrMany((flags & 2) != 0).array((flags & 4) != 0).minItems(in.readLong())
          .sourcePattern(string()).recursiveType(string()).typeName(string()).group(string())
          .docs(docs()).typeDocs(docs()).declaredAt(location()).typeAt(location()).value(value())
          .content(content());
      List<Identity> identities = new ArrayList<>();
      for (int n = in.readInt(); n > 0; n--) {
        identities.add(new Identity(string(), in.readBoolean(), string(), strings()));
      }
      node.identities(identities);
      List<String> exactlyOne = strings();
      node.exactlyOneOf(exactlyOne == null ? List.of() : exactlyOne);
      for (int n = in.readInt(); n > 0; n--) {
        node.addChild(node());
      }
      return node;
    }

    Docs docs() throws IOException {
      String en = string();
      String zh = string();
      List<Docs.Note> notes = new ArrayList<>();
      for (int n = in.readInt(); n > 0; n--) {
        notes.add(new Docs.Note(string(), string()));
      }
      return en.isEmpty() && zh.isEmpty() && notes.isEmpty() ? Docs.NONE : new Docs(en, zh, notes);
    }

    Location location() throws IOException {
      String file = string();
      int line = in.readInt();
      return line < 0 ? null : locations.computeIfAbsent(file + ":" + line, key -> new Location(file, line));
    }

    ValueType value() throws IOException {
      List<String> types = strings();
      List<String> enumeration = strings();
      List<String> patterns = strings();
      Bound lower = bound();
      Bound upper = bound();
      long minLength = in.readLong();
      long maxLength = in.readLong();
      return new ValueType(Set.copyOf(types), enumeration == null ? null : new LinkedHashSet<>(enumeration),
          Set.copyOf(patterns), lower, upper, minLength < 0 ? null : minLength, maxLength < 0 ? null : maxLength);
    }

    Bound bound() throws IOException {
      String value = string();
      boolean inclusive = in.readBoolean();
      return value.isEmpty() ? null : new Bound(new BigDecimal(value), inclusive);
    }

    ContentModel content() throws IOException {
      int tag = in.readByte();
      if (tag == 0) {
        return null;
      }
      String name = tag == 1 ? string() : null;
      long min = in.readLong();
      long max = in.readLong();
      List<ContentModel> parts = new ArrayList<>();
      for (int n = in.readInt(); n > 0; n--) {
        parts.add(content());
      }
      return switch (tag) {
        case 1 -> new ContentModel.Element(name, min, max);
        case 2 -> new ContentModel.Sequence(parts, min, max);
        case 3 -> new ContentModel.Choice(parts, min, max);
        default -> new ContentModel.All(parts.stream().map(ContentModel.Element.class::cast).toList(), min, max);
      };
    }
  }
}
