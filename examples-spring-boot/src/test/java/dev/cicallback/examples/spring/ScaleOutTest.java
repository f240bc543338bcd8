package dev.cicallback.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.spring.autoconfigure.CallbackDeduplicator;
import dev.cicallback.spring.autoconfigure.CallbackProblemAdvice;
import dev.cicallback.spring.autoconfigure.testing.ExternalServers;
import dev.cicallback.spring.autoconfigure.testing.PostgresServer;
import dev.cicallback.spring.autoconfigure.testing.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the example service on two loopback ports over one shared store, a real PostgreSQL and a real
 * redis-server (started for the run), chosen by properties alone: the same callback posted to both at once, many
 * times, reaches the controller once; a handler that fails releases the key, so the next delivery is handled; an
 * instance stopped between claiming and handling leaves a claim that runs out, after which the next delivery is
 * handled; a store that cannot be reached is answered 503 and the controller is not called.
 */
@ExtendWith(ExternalServers.class)
class ScaleOutTest {

  private static final String BODY = read("xml/valid-seed-case1-task-api.xml");
  private static final String JOB_ID = "j707f4864f86811ecb90d0b03267ce0e5";
  private static final String LEASE = "2s";

  private final HttpClient client = HttpClient.newHttpClient();

  /** What reached the controllers of every instance: handled JobIds counted; JobIds whose handling is to fail. */
  static final class Recording extends FinishedJobs {
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public void finished(Callback callback) {
      for (JobsDetail job : callback.getJobsDetail()) {
        if (failing.contains(job.getJobId())) {
          throw new IllegalStateException("handling " + job.getJobId() + " failed");
        }
        handled.computeIfAbsent(job.getJobId(), k -> new AtomicInteger()).incrementAndGet();
      }
      super.finished(callback);
    }

    int count(String jobId) {
      AtomicInteger n = handled.get(jobId);
      return n == null ? 0 : n.get();
    }
  }

  @Test
  void twoInstancesOverOnePostgreSql(PostgresServer postgres) throws Exception {
    promise("store=jdbc", "ci-callback.deduplication.store=jdbc",
        "ci-callback.deduplication.jdbc.initialize-schema=true",
        "spring.datasource.url=" + postgres.jdbcUrl(), "spring.datasource.username=" + postgres.username());
  }

  @Test
  void twoInstancesOverOneRedis(RedisServer redis) throws Exception {
    promise("store=redis", "ci-callback.deduplication.store=redis",
        "spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port());
  }

  @Test
  void aStoreThatCannotBeReachedIsAnswered503AndTheControllerIsNotCalled() throws Exception {
    for (String[] store : List.of(
        new String[] {"ci-callback.deduplication.store=jdbc",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres",
            "spring.datasource.hikari.connection-timeout=500"},
        new String[] {"ci-callback.deduplication.store=redis", "spring.data.redis.port=" + freePort(),
            "spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s"})) {
      Recording jobs = new Recording();
      try (ConfigurableApplicationContext instance = start(jobs, store)) {
        String jobId = "j" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> answer = post(port(instance), jobId);
        assertEquals(503, answer.statusCode(), store[0] + ": " + answer.body());
        assertTrue(answer.body().contains(CallbackProblemAdvice.STORE_UNAVAILABLE_TYPE.toString()), answer.body());
        assertEquals(0, jobs.count(jobId), store[0]);
      }
    }
  }

  private void promise(String what, String... store) throws Exception {
    Recording jobs = new Recording();
    ConfigurableApplicationContext a = start(jobs, store);
    try (ConfigurableApplicationContext b = start(jobs, store)) {
      int[] ports = {port(a), port(b)};

      // The same callback to both instances at once, eight deliveries a round: one reaches a controller.
      for (int round = 0; round < 25; round++) {
        String jobId = newJobId();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(client.sendAsync(request(ports[i % 2], jobId), BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
          assertEquals(200, answer.get().statusCode(), what + ": " + answer.get().body());
        }
        assertEquals(1, jobs.count(jobId), what + ": deliveries of " + jobId + " handled");
      }

      // A failing handler releases the key: the next delivery, to the other instance, is handled; then no more.
      String failing = newJobId();
      jobs.failing.add(failing);
      assertEquals(500, post(ports[0], failing).statusCode(), what);
      jobs.failing.remove(failing);
      assertEquals(200, post(ports[1], failing).statusCode(), what);
      assertEquals(1, jobs.count(failing), what + ": the delivery after the failure was handled");
      assertEquals(200, post(ports[0], failing).statusCode(), what);
      assertEquals(1, jobs.count(failing), what + ": and the one after it dropped");

      // An instance stopped between claiming and handling: its claim holds for the lease, then runs out.
      String orphan = newJobId();
      assertTrue(a.getBean(CallbackDeduplicator.class).claim("TaskFinish:" + orphan), what);
      a.close();
      assertEquals(200, post(ports[1], orphan).statusCode(), what);
      assertEquals(0, jobs.count(orphan), what + ": within the lease the claim holds");
      Thread.sleep(java.time.Duration.parse("PT" + LEASE).toMillis() + 500);
      assertEquals(200, post(ports[1], orphan).statusCode(), what);
      assertEquals(1, jobs.count(orphan), what + ": after the lease the next delivery is handled");
    } finally {
      a.close();
    }
  }

  /** One instance of the example service on a free port, its properties and these, its jobs recorded. */
  private static ConfigurableApplicationContext start(Recording jobs, String... properties) {
    List<String> all = new ArrayList<>(List.of("server.port=0", "ci-callback.deduplication.enabled=true",
        "ci-callback.deduplication.lease=" + LEASE, "spring.main.banner-mode=off",
        "logging.level.dev.cicallback.examples.spring=warn"));
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(CallbackApplication.class)
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof FinishedJobs && !(bean instanceof Recording) ? jobs : bean;
          }
        }))
        .run(all.stream().map(p -> "--" + p).toArray(String[]::new)); // over application.properties
  }

  private static int port(ConfigurableApplicationContext instance) {
    // The port Spring Boot publishes on either line (its WebServerApplicationContext moved in Spring Boot 4).
    return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private HttpResponse<String> post(int port, String jobId) throws Exception {
    return client.send(request(port, jobId), BodyHandlers.ofString());
  }

  private static HttpRequest request(int port, String jobId) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ci/callback"))
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(BODY.replace(JOB_ID, jobId), StandardCharsets.UTF_8))
        .build();
  }

  private static String newJobId() {
    return "j" + UUID.randomUUID().toString().replace("-", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String read(String fixture) {
    try {
      String body = Files.readString(Fixture.EXAMPLES.resolve(fixture), StandardCharsets.UTF_8);
      if (!body.contains(JOB_ID)) {
        throw new IllegalStateException(fixture + " no longer holds " + JOB_ID);
      }
      return body;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
