package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the PATH arguments expand to: files as given, folders walked for *.xml and *.json in sorted order whatever
 * the walk's, standard input, and only regular files; each one heard of as it is found.
 */
class PayloadSourcesTest {

  private static final byte[] MINIMAL = read("json/valid-minimal.json");

  private static byte[] read(String fixture) {
    try {
      return Files.readAllBytes(Cli.EXAMPLES.resolve(fixture));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void a_folder_gives_its_payloads_sorted_and_each_is_heard_of_once(@TempDir Path dir) throws Exception {
    // Made out of order, so that neither creation nor directory order is the sorted one.
    List<String> names = List.of("m.json", "b.xml", "z.json", "a.json", "q.xml", "c.xml", "y.json", "k.xml",
        "d.json", "x.xml", "e.json", "w.xml", "f.json", "v.xml", "g.json", "u.xml", "h.json", "t.xml");
    for (String name : names) {
      Files.write(dir.resolve(name), MINIMAL);
    }
    List<String> heard = new ArrayList<>();

    List<String> sources = PayloadSources.expand(List.of(dir.toString()), heard::add);

    List<String> sorted = names.stream().sorted().map(name -> dir.resolve(name).toString()).toList();
    assertEquals(sorted, sources);
    assertEquals(sorted, heard.stream().sorted().toList());
  }

  @Test
  void the_walk_tells_each_payload_with_the_argument_that_names_it_and_keeps_none(@TempDir Path dir)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.write(folder.resolve("2.json"), MINIMAL);
    Files.write(folder.resolve("1.xml"), MINIMAL);
    Files.write(folder.resolve("notes.txt"), MINIMAL);
    Path single = Files.write(dir.resolve("single.json"), MINIMAL);
    List<String> heard = new ArrayList<>();

    PayloadSources.walk(List.of(folder.toString(), PayloadSources.STDIN, single.toString()),
        (argument, source) -> heard.add(argument + " " + source));

    assertEquals(
        List.of("0 " + folder.resolve("1.xml"), "0 " + folder.resolve("2.json"), "1 -", "2 " + single),
        heard.stream().sorted().toList());
  }

  @Test
  void arguments_keep_their_order_and_only_folders_are_sorted(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.write(folder.resolve("2.json"), MINIMAL);
    Files.write(folder.resolve("1.json"), MINIMAL);
    Path single = Files.write(dir.resolve("single.json"), MINIMAL);
    List<String> heard = new ArrayList<>();

    List<String> sources =
        PayloadSources.expand(List.of(single.toString(), folder.toString(), PayloadSources.STDIN), heard::add);

    List<String> expected = List.of(
        single.toString(), folder.resolve("1.json").toString(), folder.resolve("2.json").toString(), "-");
    assertEquals(expected, sources);
    assertEquals(List.of(single.toString(), "-"), List.of(heard.get(0), heard.get(3)));
  }

  @Test
  void payloads_are_told_by_their_extension_in_any_case(@TempDir Path dir) throws Exception {
    for (String name : List.of("A.XML", "b.Json", "c.txt", "d.xml.bak", "e.problems", "xml", "f.jsonl")) {
      Files.write(dir.resolve(name), MINIMAL);
    }

    List<String> sources = PayloadSources.expand(List.of(dir.toString()), source -> {});

    assertEquals(List.of(dir.resolve("A.XML").toString(), dir.resolve("b.Json").toString()), sources);
  }

  @Test
  void a_file_named_directly_is_taken_whatever_its_extension(@TempDir Path dir) throws Exception {
    Path payload = Files.write(dir.resolve("payload.txt"), MINIMAL);

    assertEquals(List.of(payload.toString()), PayloadSources.expand(List.of(payload.toString()), source -> {}));
    assertEquals(payload, PayloadSources.file(payload.toString()));
  }

  @Test
  void what_is_not_a_regular_file_is_not_a_payload(@TempDir Path dir) throws Exception {
    // A character device under a payload's name: followed by the walk, and left out.
    Path device = Files.createSymbolicLink(dir.resolve("device.xml"), Path.of("/dev/null"));
    Files.write(dir.resolve("real.json"), MINIMAL);

    assertEquals(List.of(dir.resolve("real.json").toString()),
        PayloadSources.expand(List.of(dir.toString()), source -> {}));
    PayloadSources.UnreadablePath named = assertThrows(PayloadSources.UnreadablePath.class,
        () -> PayloadSources.expand(List.of(dir.resolve("device.xml").toString()), source -> {}));
    assertEquals("cannot read " + dir.resolve("device.xml"), named.getMessage());
    Files.delete(device); // the link only, before the temporary folder's clean-up meets it
  }

  @Test
  void a_missing_file_is_named() {
    PayloadSources.UnreadablePath missing =
        assertThrows(PayloadSources.UnreadablePath.class, () -> PayloadSources.file("no/such.json"));

    assertEquals("no such file or folder: no/such.json", missing.getMessage());
  }

  @Test
  void a_folder_without_payloads_is_a_usage_error(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("notes.txt"), MINIMAL);
    Files.createDirectories(dir.resolve("empty"));

    Cli cli = Cli.run("validate", dir.toString());

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("", cli.out());
    assertEquals("ci-callback validate: no *.xml or *.json payload found in [" + dir + "]\n", cli.err());
  }
}
