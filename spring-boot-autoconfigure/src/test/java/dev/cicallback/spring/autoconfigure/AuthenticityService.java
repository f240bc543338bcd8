package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.spring.autoconfigure.testing.BootAutoConfiguration;
import dev.cicallback.validator.ModerationCallback;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service the URL secret's and the confirmation's tests run: Spring MVC on an embedded server, the starter with
 * its authenticity configuration, a meter registry and {@link Endpoint}; and how they post to it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({CiCallbackAutoConfiguration.class, CiCallbackAuthenticityAutoConfiguration.class})
@Import({BootAutoConfiguration.ServletWebServer.class, AuthenticityService.Endpoint.class})
class AuthenticityService {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** Posts {@code body} as {@code type} to {@code pathAndQuery} of the service on {@code port}. */
  static HttpResponse<String> post(int port, String pathAndQuery, byte[] body, String type)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A job callback method and a moderation one; what reached them. */
  @RestController
  static class Endpoint {
    final List<Object> received = new CopyOnWriteArrayList<>();

    @PostMapping("/callback")
    void callback(@RequestBody Callback callback) {
      received.add(callback);
    }

    @PostMapping("/moderation")
    void moderation(@RequestBody ModerationCallback callback) {
      received.add(callback);
    }
  }
}
