package dev.cicallback.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.spring.autoconfigure.CallbackHttpMessageConverter;
import dev.cicallback.spring.autoconfigure.CallbackProblemAdvice;
import dev.cicallback.spring.autoconfigure.MicrometerCallbackMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.util.ClassUtils;

/**
 * The example service as Spring AOT processed it at build time (process-aot): started from the generated
 * initializer with {@code spring.aot.enabled=true}, as {@code java -Dspring.aot.enabled=true -jar} starts it. The
 * starter's beans are there, a valid XML and a valid JSON callback reach the controller (counted valid), a second
 * delivery is dropped, and an invalid body gets 400 application/problem+json naming the node.
 */
class AotApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theAotProcessedServiceAnswersAsTheServiceDoes() throws Exception {
    assertTrue(ClassUtils.isPresent(
        CallbackApplication.class.getName() + "__ApplicationContextInitializer", getClass().getClassLoader()),
        "process-aot generated the application's initializer");
    ConfigurableApplicationContext service;
    SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
    try {
      assertTrue(AotDetector.useGeneratedArtifacts());
      SpringApplication application = new SpringApplication(CallbackApplication.class);
      application.setMainApplicationClass(CallbackApplication.class); // its initializer, not the test runner's
      service = application.run("--server.port=0", "--spring.main.banner-mode=off");
    } finally {
      SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
    }
    try (service) {
      assertEquals(1, service.getBeanNamesForType(CallbackHttpMessageConverter.class).length);
      int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
      MeterRegistry registry = service.getBean(MeterRegistry.class);
      HttpClient client = HttpClient.newHttpClient();

      for (String fixture :
          new String[] {"xml/valid-seed-case1-task-api.xml", "json/valid-workflowfinish-qclouddocs-zh-case2.json"}) {
        byte[] body = Files.readAllBytes(Fixture.EXAMPLES.resolve(fixture));
        double valid = count(registry, "valid");
        assertEquals(200, post(client, port, body).statusCode(), fixture);
        assertEquals(valid + 1, count(registry, "valid"), fixture);
        double duplicates = count(registry, "duplicate");
        assertEquals(200, post(client, port, body).statusCode(), fixture);
        assertEquals(duplicates + 1, count(registry, "duplicate"), fixture);
      }

      Fixture invalid = Fixture.read(Fixture.EXAMPLES.resolve("xml/invalid-volume-above-10.xml"), "tolerant");
      HttpResponse<String> refused = post(client, port, invalid.body());
      assertEquals(400, refused.statusCode());
      assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(refused.body());
      assertEquals(CallbackProblemAdvice.INVALID_TYPE.toString(), problem.path("type").asText());
      assertEquals(invalid.firstError().location(), problem.path("problems").get(0).path("location").asText());
      assertTrue(invalid.firstError().location().startsWith("/Response/"), invalid.firstError().location());
    }
  }

  private static HttpResponse<String> post(HttpClient client, int port, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ci/callback"))
        .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
  }

  private static double count(MeterRegistry registry, String outcome) {
    return registry.find(MicrometerCallbackMetrics.RECEIVED).tag("outcome", outcome).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }
}
