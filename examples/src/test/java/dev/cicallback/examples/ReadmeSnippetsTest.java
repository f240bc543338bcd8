package dev.cicallback.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java blocks of README.md and of every page under docs/, exactly as the pages show them: each is a complete
 * compilation unit, compiled here from the page's own text against the published modules, and run on the fixtures.
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of(System.getProperty("schema.dir", "../schema")).toAbsolutePath().getParent();
  /**
   * The pages whose Java blocks this class runs, each with its classes in page order. A page under docs/ that is not
   * listed has its blocks compiled only; a listed page showing a class this list lacks (or lacking one) fails.
   */
  private static final Map<String, List<String>> RUN = Map.of(
      "README.md", List.of("OnCallback"),
      "docs/java-api.md", List.of("ReadWithTheModel", "ValidateFirst", "CallbackHandler", "ModerationVerdicts"),
      // CallbackConsumer is compiled only: it needs a broker, which the kafka module's tests run.
      "docs/spring-boot.md", List.of("CallbackConsumer"));
  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("^(?:public |final )*class (\\w+)", Pattern.MULTILINE);

  @TempDir static Path classes;
  private static ClassLoader loader;
  private static final Map<String, String> SNIPPETS = new LinkedHashMap<>();

  /** README.md, then docs/*.md by name. */
  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @BeforeAll
  static void compile_every_java_block_of_every_page() throws IOException {
    Path sources = Files.createDirectories(classes.resolve("src"));
    List<String> arguments = new ArrayList<>(List.of(
        "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:none"));
    Map<String, List<String>> shown = new LinkedHashMap<>();
    for (Path page : pages()) {
      String name = ROOT.relativize(page).toString().replace('\\', '/');
      Matcher block = JAVA_BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (block.find()) {
        if (block.group(1).contains("import org.springframework.")) {
          continue; // a Spring Boot service's: examples-spring-boot holds the controller to its own compiled source
        }
        Matcher className = CLASS_NAME.matcher(block.group(1));
        assertTrue(className.find(), () -> name + " has a Java block that is no complete class:\n" + block.group(1));
        String previous = SNIPPETS.put(className.group(1), block.group(1));
        assertTrue(previous == null, () -> "two pages show a class " + className.group(1) + "; name them apart");
        shown.computeIfAbsent(name, k -> new ArrayList<>()).add(className.group(1));
        arguments.add(Files.writeString(sources.resolve(className.group(1) + ".java"), block.group(1)).toString());
      }
    }
    RUN.forEach((page, expected) -> assertEquals(expected, shown.getOrDefault(page, List.of()),
        () -> page + "'s Java blocks are not those this test runs"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
    assertEquals(0, status, () -> "the pages' Java does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader());
  }

  private static Method method(String className, String name, Class<?>... parameters) throws Exception {
    Method method = loader.loadClass(className).getDeclaredMethod(name, parameters);
    method.setAccessible(true);
    return method;
  }

  @Test
  void the_quick_start_answers_200_to_callbacks_of_each_kind_and_400_to_anything_else() throws Exception {
    Method handle = method("OnCallback", "handle", byte[].class);
    for (String fixture : List.of("xml/valid-seed-case1-task-api.xml", "json/valid-seed-workflow.json",
        "xml/valid-snapshot-intldocs-sample1-jobapi.xml",
        "json/moderation/valid-auditing-image-simple-intldocs-sample1.json")) {
      assertEquals(200, handle.invoke(null, Files.readAllBytes(EXAMPLES.resolve(fixture))), fixture);
    }
    for (String fixture : List.of("xml/invalid-joblevel-3.xml",
        "json/invalid-seed-case3-verbatim-audio-array-not-closed.json")) {
      assertEquals(400, handle.invoke(null, Files.readAllBytes(EXAMPLES.resolve(fixture))), fixture);
    }
    assertEquals(400, handle.invoke(null, "not a callback".getBytes(StandardCharsets.UTF_8)));
  }

  /** Pages other work adds; a link to them may come first. */
  private static final Set<String> COMING = Set.of("docs/authenticity.md", "docs/spring-boot-lines.md");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#+ (.+)$", Pattern.MULTILINE);

  @Test
  void every_link_of_every_page_reaches_a_file_and_every_anchor_a_heading() throws Exception {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        String name = ROOT.relativize(linked).toString().replace('\\', '/');
        if (COMING.contains(name)) {
          continue;
        }
        if (!Files.exists(linked)) {
          broken.add(ROOT.relativize(page) + ": " + target);
        } else if (hash >= 0 && linked.toString().endsWith(".md")
            && !anchors(linked).contains(target.substring(hash + 1))) {
          broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken, "links that lead nowhere");
  }

  /** The anchors a Markdown renderer gives the page's headings (GitHub's rule: lower case, spaces to -). */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Matcher heading = HEADING.matcher(Files.readString(page, StandardCharsets.UTF_8));
    while (heading.find()) {
      anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
    }
    Matcher id = Pattern.compile("<a id=\"([^\"]+)\"").matcher(Files.readString(page, StandardCharsets.UTF_8));
    while (id.find()) {
      anchors.add(id.group(1));
    }
    return anchors;
  }

  @Test
  void the_model_snippet_reads_both_forms_alike() throws Exception {
    byte[] xml = Files.readAllBytes(EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml"));
    byte[] json = Files.readAllBytes(EXAMPLES.resolve("json/valid-seed-case1-task-api.json"));
    Object outputs = method("ReadWithTheModel", "outputs", byte[].class, byte[].class).invoke(null, xml, json);
    assertEquals(List.of(List.of("/output/aixiaonan.mp3"), List.of("/output/aixiaonan.mp3")), outputs);
  }

  @Test
  void the_moderation_snippet_gives_a_moderation_callbacks_verdict_and_nothing_for_a_job() throws Exception {
    Method verdict = method("ModerationVerdicts", "verdict", byte[].class, String.class);
    byte[] detail = Files.readAllBytes(EXAMPLES.resolve("json/moderation/valid-auditing-video-detail-intldocs-sample2.json"));
    byte[] simple = Files.readAllBytes(EXAMPLES.resolve("json/moderation/valid-auditing-image-simple-intldocs-sample1.json"));
    assertEquals(java.util.Optional.of(0), verdict.invoke(null, detail, "Detail"));
    assertEquals(java.util.Optional.of(0), verdict.invoke(null, simple, null));
    assertEquals(java.util.Optional.empty(), verdict.invoke(null,
        Files.readAllBytes(EXAMPLES.resolve("xml/valid-seed-workflow.xml")), null));
  }

  @Test
  void the_validator_snippet_accepts_a_valid_callback_and_refuses_an_invalid_one() throws Exception {
    Method accept = method("ValidateFirst", "accept", byte[].class);
    assertTrue((Boolean) accept.invoke(null, Files.readAllBytes(EXAMPLES.resolve("xml/valid-seed-workflow.xml"))));
    assertFalse((Boolean) accept.invoke(null, Files.readAllBytes(EXAMPLES.resolve("xml/invalid-joblevel-3.xml"))));
  }

  @Test
  void the_reader_snippet_answers_200_to_a_callback_and_400_to_anything_else() throws Exception {
    var constructor = loader.loadClass("CallbackHandler").getDeclaredConstructor();
    constructor.setAccessible(true);
    HttpHandler handler = (HttpHandler) constructor.newInstance();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", handler);
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      HttpClient client = HttpClient.newHttpClient();
      for (String fixture : List.of("xml/valid-seed-workflow.xml", "json/valid-seed-workflow.json",
          "xml/valid-seed-case1-task-api.xml", "xml/invalid-joblevel-3.xml")) {
        Path file = EXAMPLES.resolve(fixture);
        HttpResponse<Void> answer = client.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
            HttpResponse.BodyHandlers.discarding());
        assertEquals(fixture.contains("/valid-") ? 200 : 400, answer.statusCode(), fixture);
      }
    } finally {
      server.stop(0);
    }
  }
}
