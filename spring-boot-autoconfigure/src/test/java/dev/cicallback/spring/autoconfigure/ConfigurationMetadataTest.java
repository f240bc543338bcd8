package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.ValidatorOptions;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The metadata the configuration processor generated: every property, described, with the reader's defaults. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedWithItsDefault() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> properties = new HashMap<>();
    metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
    assertThat(properties).containsOnlyKeys("ci-callback.mode", "ci-callback.max-bytes", "ci-callback.max-depth",
        "ci-callback.max-string-length", "ci-callback.max-number-length", "ci-callback.max-nodes",
        "ci-callback.max-attributes", "ci-callback.deduplication.enabled", "ci-callback.deduplication.max-entries",
        "ci-callback.deduplication.ttl", "ci-callback.deduplication.store", "ci-callback.deduplication.lease",
        "ci-callback.deduplication.jdbc.table", "ci-callback.deduplication.jdbc.initialize-schema",
        "ci-callback.deduplication.redis.key-prefix", "ci-callback.kafka.dead-letter-suffix",
        "ci-callback.kafka.retries", "ci-callback.kafka.retry-interval", "ci-callback.url-secret",
        "ci-callback.url-secret-parameter", "ci-callback.confirm.enabled", "ci-callback.confirm.endpoint",
        "ci-callback.confirm.secret-id", "ci-callback.confirm.secret-key", "ci-callback.confirm.session-token",
        "ci-callback.confirm.timeout");
    properties.forEach((name, p) -> assertThat(p.path("description").asText()).as(name).isNotBlank());

    ValidatorOptions defaults = new CiCallbackProperties().toOptions();
    assertThat(defaults).isEqualTo(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build());
    assertThat(DataSize.parse(properties.get("ci-callback.max-bytes").path("defaultValue").asText()).toBytes())
        .isEqualTo(defaults.maxBytes());
    assertThat(properties.get("ci-callback.max-depth").path("defaultValue").asInt()).isEqualTo(defaults.maxDepth());
    assertThat(properties.get("ci-callback.max-string-length").path("defaultValue").asInt())
        .isEqualTo(defaults.maxStringLength());
    assertThat(properties.get("ci-callback.max-number-length").path("defaultValue").asInt())
        .isEqualTo(defaults.maxNumberLength());
    assertThat(properties.get("ci-callback.max-nodes").path("defaultValue").asInt()).isEqualTo(defaults.maxNodes());
    assertThat(properties.get("ci-callback.max-attributes").path("defaultValue").asInt())
        .isEqualTo(defaults.maxAttributes());
    assertThat(properties.get("ci-callback.mode").path("defaultValue").asText()).isEqualTo("tolerant");
    assertThat(properties.get("ci-callback.deduplication.store").path("defaultValue").asText()).isEqualTo("memory");
    assertThat(properties.get("ci-callback.deduplication.jdbc.table").path("defaultValue").asText())
        .isEqualTo(JdbcCallbackDeduplicator.DEFAULT_TABLE);
    assertThat(properties.get("ci-callback.deduplication.redis.key-prefix").path("defaultValue").asText())
        .isEqualTo(RedisCallbackDeduplicator.DEFAULT_PREFIX);
  }
}
