package dev.cicallback.validator.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A compiled form's header is checked before its body is read, and its value forms come back as written. */
class CompiledFormTest {

  private static final String AUTOMATON = "dev/cicallback/validator/internal/xml/quick/callback.xsd.automaton";

  @Test
  void values_come_back_as_written() throws IOException {
    byte[] bytes = CompiledForm.bytes(0x41424344, 3, out -> {
      CompiledForm.writeStrings(out, List.of("a", "é"));
      CompiledForm.writeStrings(out, List.of());
      CompiledForm.writeStrings(out, null);
      CompiledForm.writeString(out, "s");
      CompiledForm.writeString(out, null);
      CompiledForm.writeInts(out, new int[] {7, -1});
      CompiledForm.writeInts(out, new int[0]);
    });
    String read = CompiledForm.read(new ByteArrayInputStream(bytes), "test", 0x41424344, 3, in -> {
      assertEquals(List.of("a", "é"), CompiledForm.readStrings(in));
      assertEquals(List.of(), CompiledForm.readStrings(in), "an empty list is not null");
      assertNull(CompiledForm.readStrings(in));
      assertEquals("s", CompiledForm.readString(in));
      assertNull(CompiledForm.readString(in));
      assertArrayEquals(new int[] {7, -1}, CompiledForm.readInts(in));
      assertArrayEquals(new int[0], CompiledForm.readInts(in));
      assertEquals(-1, in.read(), "nothing is left");
      return "read";
    });
    assertEquals("read", read);
  }

  @Test
  void another_magic_or_version_is_refused_before_the_body() {
    byte[] bytes = CompiledForm.bytes(1, 2, out -> out.writeInt(5));
    for (int[] header : new int[][] {{1, 3}, {9, 2}}) {
      IOException refused = assertThrows(IOException.class,
          () -> CompiledForm.read(new ByteArrayInputStream(bytes), "thing", header[0], header[1], in -> "no"),
          () -> Arrays.toString(header));
      assertEquals("thing is not a compiled form of this version", refused.getMessage());
    }
  }

  @Test
  void the_packaged_form_is_read_from_the_classpath_and_a_missing_one_is_null() throws IOException {
    int magic;
    int version;
    try (InputStream in = CompiledForm.class.getResourceAsStream("/" + AUTOMATON)) {
      DataInputStream data = new DataInputStream(in);
      magic = data.readInt();
      version = data.readInt();
    }
    assertEquals("body", CompiledForm.packaged(AUTOMATON, magic, version, in -> "body"));
    assertNull(CompiledForm.packaged(AUTOMATON + ".missing", magic, version, in -> "body"));
    UncheckedIOException stale = assertThrows(UncheckedIOException.class,
        () -> CompiledForm.packaged(AUTOMATON, magic, version + 1, in -> "body"));
    assertEquals("cannot read the packaged " + AUTOMATON, stale.getMessage());
  }
}
