package dev.cicallback.validator.internal.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A schema compiled at build time and packaged as a resource, so that a run reads a few kilobytes instead of parsing
 * and compiling the schema files (BENCHMARKS.md, "Cold start"): the file's header, and the few value forms the quick
 * passes' files share. Each file is written by its pass's own class, which a test holds to a fresh compilation.
 */
public final class CompiledForm {

  /** Writes the body of a compiled form. */
  public interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads the body of a compiled form. */
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private CompiledForm() {}

  /** The header ({@code magic}, {@code version}) and the body as bytes. */
  public static byte[] bytes(int magic, int version, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      out.writeInt(version);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** The build step's part: writes {@code bytes} to {@code file}, making its folder. */
  public static void save(String file, byte[] bytes) throws IOException {
    Path out = Path.of(file);
    Files.createDirectories(out.getParent());
    Files.write(out, bytes);
  }

  /** The packaged form at classpath {@code resource}, or null when the jar has none (a build that skipped the step). */
  public static <T> T packaged(String resource, int magic, int version, Reader<T> body) {
    try (InputStream in = CompiledForm.class.getResourceAsStream("/" + resource)) {
      return in == null ? null : read(in, resource, magic, version, body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged " + resource, e);
    }
  }

  /** Reads a compiled form from {@code in}, checking its header. */
  public static <T> T read(InputStream in, String what, int magic, int version, Reader<T> body) throws IOException {
    DataInputStream data = new DataInputStream(new BufferedInputStream(in));
    if (data.readInt() != magic || data.readInt() != version) {
      throw new IOException(what + " is not a compiled form of this version");
    }
    return body.read(data);
  }

  /** Strings, or null. */
  public static void writeStrings(DataOutputStream out, Collection<String> strings) throws IOException {
    out.writeInt(strings == null ? -1 : strings.size());
    if (strings != null) {
      for (String string : strings) {
        out.writeUTF(string);
      }
    }
  }

  public static List<String> readStrings(DataInputStream in) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      return null;
    }
    List<String> strings = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      strings.add(in.readUTF());
    }
    return strings;
  }

  /** A string, or null. */
  public static void writeString(DataOutputStream out, String string) throws IOException {
    out.writeBoolean(string != null);
    if (string != null) {
      out.writeUTF(string);
    }
  }

  public static String readString(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  public static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  public static int[] readInts(DataInputStream in) throws IOException {
    int[] values = new int[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}
