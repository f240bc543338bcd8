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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java blocks, exactly as the README shows them: each is a complete compilation unit, compiled here
 * from the README's own text against the published modules, and run on the fixtures.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of(System.getProperty("schema.dir", "../schema")).resolveSibling("README.md");
  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("^(?:public |final )*class (\\w+)", Pattern.MULTILINE);

  @TempDir static Path classes;
  private static ClassLoader loader;
  private static final Map<String, String> SNIPPETS = new LinkedHashMap<>();

  @BeforeAll
  static void compile_every_java_block_of_the_readme() throws IOException {
    Matcher block = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
    Path sources = Files.createDirectories(classes.resolve("src"));
    List<String> arguments = new ArrayList<>(List.of(
        "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:none"));
    while (block.find()) {
      if (block.group(1).contains("import org.springframework.")) {
        continue; // the Spring Boot section's: examples-spring-boot holds it to its own compiled source
      }
      Matcher name = CLASS_NAME.matcher(block.group(1));
      assertTrue(name.find(), () -> "a README Java block that is no complete class:\n" + block.group(1));
      SNIPPETS.put(name.group(1), block.group(1));
      arguments.add(Files.writeString(sources.resolve(name.group(1) + ".java"), block.group(1)).toString());
    }
    // CallbackConsumer (the Kafka section's) is compiled only: it needs a broker, which the kafka module's tests run.
    assertEquals(List.of("ReadWithTheModel", "ValidateFirst", "CallbackHandler", "ModerationVerdicts",
        "CallbackConsumer"),
        List.copyOf(SNIPPETS.keySet()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
    assertEquals(0, status, () -> "the README's Java does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader());
  }

  private static Method method(String className, String name, Class<?>... parameters) throws Exception {
    Method method = loader.loadClass(className).getDeclaredMethod(name, parameters);
    method.setAccessible(true);
    return method;
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
