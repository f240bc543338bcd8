package dev.cicallback.spring.autoconfigure.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (method, constructor or {@code @BeforeAll} parameter) the {@link PostgresServer}, {@link MariaDbServer}
 * or {@link RedisServer} of this test run: each started on first use, kept in the root store, and stopped when the run
 * ends.
 */
public final class ExternalServers implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PostgresServer.class || type == MariaDbServer.class || type == RedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(ExternalServers.class));
    Class<?> type = parameter.getParameter().getType();
    if (type == PostgresServer.class) {
      return store.getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.start(), PostgresServer.class);
    }
    if (type == MariaDbServer.class) {
      return store.getOrComputeIfAbsent(MariaDbServer.class, k -> MariaDbServer.start(), MariaDbServer.class);
    }
    return store.getOrComputeIfAbsent(RedisServer.class, k -> RedisServer.start(), RedisServer.class);
  }
}
