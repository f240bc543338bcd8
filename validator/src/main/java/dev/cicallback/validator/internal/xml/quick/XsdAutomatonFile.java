package dev.cicallback.validator.internal.xml.quick;

import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.internal.core.CompiledForm;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.All;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.ComplexType;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Declaration;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Fields;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Position;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.SimpleType;
import dev.cicallback.validator.internal.xml.quick.XsdAutomaton.Step;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The compiled XSD as the build writes it into the jar ({@link #RESOURCE}), so that a run reads a few kilobytes
 * instead of parsing the 27 XSD files (about a third of a megabyte, mostly documentation): that parse was most of a
 * one-file run's time (BENCHMARKS.md, "Cold start"). A test holds the packaged file to what compiling the packaged
 * XSD gives, byte for byte.
 */
final class XsdAutomatonFile {

  /** The classpath resource of the compiled {@link SchemaFiles#CALLBACK_XSD}. */
  static final String RESOURCE = "dev/cicallback/validator/internal/xml/quick/callback.xsd.automaton";

  private static final int MAGIC = 0x58534441; // "XSDA"
  private static final int VERSION = 1;

  private XsdAutomatonFile() {}

  /** The build step: writes the compiled contract to the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    CompiledForm.save(args[0], write(XsdAutomaton.compile()));
  }

  /** The packaged compiled contract, or null when the jar has none (a build that skipped the step). */
  static XsdAutomaton packaged() {
    return CompiledForm.packaged(RESOURCE, MAGIC, VERSION, XsdAutomatonFile::body);
  }

  /** Reads a compiled contract that {@link #write} wrote. */
  static XsdAutomaton read(InputStream in) throws IOException {
    return CompiledForm.read(in, RESOURCE, MAGIC, VERSION, XsdAutomatonFile::body);
  }

  /** The automaton as bytes, in an order fixed by names alone, so that two builds write the same file. */
  static byte[] write(XsdAutomaton automaton) {
    Numbering numbering = new Numbering();
    Map<String, Declaration> roots = new TreeMap<>(automaton.roots);
    roots.values().forEach(numbering::visit);
    return CompiledForm.bytes(MAGIC, VERSION, out -> {
      out.writeInt(numbering.declarations.size());
      for (Declaration declaration : numbering.declarations) {
        out.writeUTF(declaration.name);
      }
      out.writeInt(numbering.simpleTypes.size());
      for (SimpleType type : numbering.simpleTypes) {
        CompiledForm.writeStrings(out, type.enumeration == null ? null : new TreeSet<>(type.enumeration));
        List<String> patterns = null;
        if (type.patterns != null) {
          patterns = new ArrayList<>();
          for (Pattern pattern : type.patterns) {
            patterns.add(pattern.pattern());
          }
        }
        CompiledForm.writeStrings(out, patterns);
      }
      out.writeInt(numbering.complexTypes.size());
      out.writeInt(numbering.positions.size());
      for (Position position : numbering.positions) {
        out.writeInt(position.declaration == null ? -1 : numbering.id(position.declaration));
        out.writeBoolean(position.accepting);
      }
      out.writeInt(numbering.tables.size());
      for (Map<String, Position> table : numbering.tables) {
        Map<String, Position> sorted = new TreeMap<>(table);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Position> entry : sorted.entrySet()) {
          out.writeUTF(entry.getKey());
          out.writeInt(numbering.id(entry.getValue()));
        }
      }
      for (Position position : numbering.positions) {
        out.writeInt(numbering.tableIds.get(position.next));
      }
      for (ComplexType type : numbering.complexTypes) {
        out.writeBoolean(type.empty);
        if (type.all == null) {
          out.writeBoolean(false);
          out.writeInt(numbering.id(type.start));
        } else {
          out.writeBoolean(true);
          out.writeBoolean(type.all.emptiable);
          out.writeInt(type.all.size);
          for (int i = 0; i < type.all.size; i++) {
            out.writeInt(numbering.id(type.all.declarations.get(i)));
            out.writeBoolean(type.all.requiredSlots[i]);
          }
        }
      }
      for (Declaration declaration : numbering.declarations) {
        out.writeInt(declaration.simple == null ? -1 : numbering.simpleIds.get(declaration.simple));
        out.writeInt(declaration.complex == null ? -1 : numbering.complexIds.get(declaration.complex));
        out.writeBoolean(declaration.fields != null);
        if (declaration.fields != null) {
          out.writeInt(declaration.fields.count);
          CompiledForm.writeInts(out, declaration.fields.keyFields);
          writeStep(out, declaration.fields.root);
        }
      }
      out.writeInt(roots.size());
      for (Map.Entry<String, Declaration> root : roots.entrySet()) {
        out.writeUTF(root.getKey());
        out.writeInt(numbering.id(root.getValue()));
      }
    });
  }

  private static XsdAutomaton body(DataInputStream in) throws IOException {
    Declaration[] declarations = new Declaration[in.readInt()];
    for (int i = 0; i < declarations.length; i++) {
      declarations[i] = new Declaration(in.readUTF());
    }
    SimpleType[] simpleTypes = new SimpleType[in.readInt()];
    for (int i = 0; i < simpleTypes.length; i++) {
      List<String> enumeration = CompiledForm.readStrings(in);
      List<String> patterns = CompiledForm.readStrings(in);
      simpleTypes[i] = enumeration == null && patterns == null
          ? SimpleType.STRING
          : new SimpleType(
              enumeration == null ? null : Set.copyOf(enumeration),
              patterns == null ? null : patterns.stream().map(Pattern::compile).toArray(Pattern[]::new));
    }
    ComplexType[] complexTypes = new ComplexType[in.readInt()];
    for (int i = 0; i < complexTypes.length; i++) {
      complexTypes[i] = new ComplexType();
    }
    Position[] positions = new Position[in.readInt()];
    for (int i = 0; i < positions.length; i++) {
      int declaration = in.readInt();
      positions[i] = new Position(declaration < 0 ? null : declarations[declaration]);
      positions[i].accepting = in.readBoolean();
    }
    List<Map<String, Position>> tables = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      int size = in.readInt();
      Map<String, Position> table = new HashMap<>(size * 2);
      for (int j = 0; j < size; j++) {
        table.put(in.readUTF(), positions[in.readInt()]);
      }
      tables.add(table);
    }
    for (Position position : positions) {
      position.next = tables.get(in.readInt());
    }
    for (ComplexType type : complexTypes) {
      type.empty = in.readBoolean();
      if (!in.readBoolean()) {
        type.start = positions[in.readInt()];
      } else {
        All all = new All();
        all.emptiable = in.readBoolean();
        all.size = in.readInt();
        all.requiredSlots = new boolean[all.size];
        for (int i = 0; i < all.size; i++) {
          Declaration declaration = declarations[in.readInt()];
          all.slots.put(declaration.name, i);
          all.declarations.add(declaration);
          all.requiredSlots[i] = in.readBoolean();
        }
        type.all = all;
      }
    }
    for (Declaration declaration : declarations) {
      int simple = in.readInt();
      int complex = in.readInt();
      declaration.simple = simple < 0 ? null : simpleTypes[simple];
      declaration.complex = complex < 0 ? null : complexTypes[complex];
      if (in.readBoolean()) {
        Fields fields = new Fields();
        fields.count = in.readInt();
        fields.keyFields = CompiledForm.readInts(in);
        readStep(in, fields.root);
        declaration.fields = fields;
      }
    }
    XsdAutomaton automaton = XsdAutomaton.empty();
    for (int i = in.readInt(); i > 0; i--) {
      automaton.roots.put(in.readUTF(), declarations[in.readInt()]);
    }
    return automaton;
  }

  /** Numbers every object reachable from the roots, in a walk ordered by names. */
  private static final class Numbering {
    final List<Declaration> declarations = new ArrayList<>();
    final List<SimpleType> simpleTypes = new ArrayList<>();
    final List<ComplexType> complexTypes = new ArrayList<>();
    final List<Position> positions = new ArrayList<>();
    final List<Map<String, Position>> tables = new ArrayList<>();
    final Map<Declaration, Integer> declarationIds = new IdentityHashMap<>();
    final Map<SimpleType, Integer> simpleIds = new IdentityHashMap<>();
    final Map<ComplexType, Integer> complexIds = new IdentityHashMap<>();
    final Map<Position, Integer> positionIds = new IdentityHashMap<>();
    final Map<Map<String, Position>, Integer> tableIds = new IdentityHashMap<>();

    void visit(Declaration declaration) {
      if (declarationIds.putIfAbsent(declaration, declarations.size()) != null) {
        return;
      }
      declarations.add(declaration);
      if (declaration.simple != null && simpleIds.putIfAbsent(declaration.simple, simpleTypes.size()) == null) {
        simpleTypes.add(declaration.simple);
      }
      ComplexType complex = declaration.complex;
      if (complex != null && complexIds.putIfAbsent(complex, complexTypes.size()) == null) {
        complexTypes.add(complex);
        if (complex.all != null) {
          complex.all.declarations.forEach(this::visit);
        } else {
          visit(complex.start);
        }
      }
    }

    void visit(Position position) {
      if (positionIds.putIfAbsent(position, positions.size()) != null) {
        return;
      }
      positions.add(position);
      if (position.declaration != null) {
        visit(position.declaration);
      }
      if (tableIds.putIfAbsent(position.next, tables.size()) == null) {
        tables.add(position.next);
        new TreeMap<>(position.next).values().forEach(this::visit);
      }
    }

    int id(Declaration declaration) {
      return declarationIds.get(declaration);
    }

    int id(Position position) {
      return positionIds.get(position);
    }
  }

  private static void writeStep(DataOutputStream out, Step step) throws IOException {
    CompiledForm.writeInts(out, step.fields);
    Map<String, Step> children = new TreeMap<>(step.children);
    out.writeInt(children.size());
    for (Map.Entry<String, Step> child : children.entrySet()) {
      out.writeUTF(child.getKey());
      writeStep(out, child.getValue());
    }
  }

  private static void readStep(DataInputStream in, Step step) throws IOException {
    step.fields = CompiledForm.readInts(in);
    for (int i = in.readInt(); i > 0; i--) {
      Step child = new Step();
      step.children.put(in.readUTF(), child);
      readStep(in, child);
    }
  }
}
