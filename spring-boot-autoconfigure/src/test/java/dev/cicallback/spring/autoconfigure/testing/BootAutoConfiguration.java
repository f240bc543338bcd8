package dev.cicallback.spring.autoconfigure.testing;

import java.util.Arrays;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's own auto-configurations that the tests start beside the starter's, on the Spring Boot line they run
 * on: Spring Boot 4 moved each to a package of its own module, so one test source names them here and takes the
 * line's class.
 */
public enum BootAutoConfiguration {
  JACKSON("autoconfigure.jackson.JacksonAutoConfiguration", "jackson.autoconfigure.JacksonAutoConfiguration"),
  HTTP_MESSAGE_CONVERTERS("autoconfigure.http.HttpMessageConvertersAutoConfiguration",
      "http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration"),
  SERVLET_WEB_SERVER("autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration",
      "tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration"),
  DISPATCHER_SERVLET("autoconfigure.web.servlet.DispatcherServletAutoConfiguration",
      "webmvc.autoconfigure.DispatcherServletAutoConfiguration"),
  WEB_MVC("autoconfigure.web.servlet.WebMvcAutoConfiguration", "webmvc.autoconfigure.WebMvcAutoConfiguration"),
  KAFKA("autoconfigure.kafka.KafkaAutoConfiguration", "kafka.autoconfigure.KafkaAutoConfiguration"),
  REDIS("autoconfigure.data.redis.RedisAutoConfiguration", "data.redis.autoconfigure.DataRedisAutoConfiguration");

  /** Whether the tests run on Spring Boot 4 (else 3.5). */
  public static final boolean BOOT_4 = SpringBootVersion.getVersion().startsWith("4.");

  private final String boot3;
  private final String boot4;

  BootAutoConfiguration(String boot3, String boot4) {
    this.boot3 = "org.springframework.boot." + boot3;
    this.boot4 = "org.springframework.boot." + boot4;
  }

  /** The class's name on this line. */
  public String className() {
    return BOOT_4 ? boot4 : boot3;
  }

  /** The class on this line. */
  public Class<?> type() {
    return ClassUtils.resolveClassName(className(), BootAutoConfiguration.class.getClassLoader());
  }

  /** The classes of {@code these}, in their order. */
  public static Class<?>[] classes(BootAutoConfiguration... these) {
    return Arrays.stream(these).map(BootAutoConfiguration::type).toArray(Class<?>[]::new);
  }

  /**
   * Imports Spring MVC on an embedded Tomcat with Jackson and Spring Boot's message converters ({@code @Import} it
   * beside {@code @ImportAutoConfiguration} of the starter's own).
   */
  public static final class ServletWebServer implements DeferredImportSelector {
    @Override
    public String[] selectImports(AnnotationMetadata metadata) {
      return Arrays.stream(new BootAutoConfiguration[] {JACKSON, HTTP_MESSAGE_CONVERTERS, SERVLET_WEB_SERVER,
          DISPATCHER_SERVLET, WEB_MVC}).map(BootAutoConfiguration::className).toArray(String[]::new);
    }
  }
}
