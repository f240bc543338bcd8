package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cicallback.spring.autoconfigure.InMemoryCallbackDeduplicatorTest.Hand;
import dev.cicallback.spring.autoconfigure.testing.ExternalServers;
import dev.cicallback.spring.autoconfigure.testing.MariaDbServer;
import dev.cicallback.spring.autoconfigure.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jdbc store against a real PostgreSQL and a real MariaDB (standing for the MySQL-compatible databases; both
 * started for the run) and H2 in memory.
 */
class JdbcCallbackDeduplicatorTest {

  private static final AtomicInteger TABLES = new AtomicInteger();
  /** The connection pools of the servers, by JDBC URL. */
  private static final Map<String, HikariDataSource> POOLS = new ConcurrentHashMap<>();

  @AfterAll
  static void closePools() {
    POOLS.values().forEach(HikariDataSource::close);
    POOLS.clear();
  }

  /** The contract and the table's life, over one database; each test its own table. */
  abstract static class OverDatabase extends SharedDeduplicatorContract {

    final Hand clock = new Hand();
    final String table = "claims_" + TABLES.incrementAndGet();

    abstract DataSource dataSource();

    @Override
    CallbackDeduplicator instance() {
      return new JdbcCallbackDeduplicator(dataSource(), table, true, LEASE, TTL, clock);
    }

    @Override
    void pass(Duration time) {
      clock.now = clock.now.plus(time);
    }

    int rows() throws SQLException {
      try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        r.next();
        return r.getInt(1);
      }
    }

    @Test
    void keysThatDifferOnlyInCaseOrTrailingSpaceOrAccentAreDifferentKeys() {
      CallbackDeduplicator store = instance();
      // the last two: 255 bytes in UTF-8, stored as they are; 257, stored by their hash
      for (String key : List.of("ModerationSimple:abc", "ModerationSimple:ABC", "ModerationSimple:abc ",
          "ModerationSimple:\u00e4bc", "ModerationSimple:" + "\u00e4".repeat(119),
          "ModerationSimple:" + "\u00e4".repeat(120))) {
        assertThat(store.claim(key)).as(key).isTrue();
        assertThat(store.claim(key)).as("again: " + key).isFalse();
      }
    }

    @Test
    void aKeyIsStoredAsItIsUpTo255BytesInUtf8AndByItsHashBeyond() {
      String fits = "TaskFinish:" + "\u00e4".repeat(122); // 11 + 244 = 255 bytes
      String over = "TaskFinish:" + "\u00e4".repeat(122) + "j"; // 256 bytes, 134 characters
      assertThat(JdbcCallbackDeduplicator.stored(fits)).isEqualTo(fits);
      assertThat(JdbcCallbackDeduplicator.stored(over)).startsWith("sha256:").hasSize(71);
      assertThat(JdbcCallbackDeduplicator.stored("TaskFinish:" + "j".repeat(244))).hasSize(255);
      assertThat(JdbcCallbackDeduplicator.stored("TaskFinish:" + "j".repeat(245))).startsWith("sha256:");
    }

    @Test
    void aMissingTableIsCreatedWhenAllowedAndNamedWhenNot() throws Exception {
      String other = table + "_missing";
      CallbackDeduplicator refusing = new JdbcCallbackDeduplicator(dataSource(), other, false, LEASE, TTL, clock);
      assertThatThrownBy(() -> refusing.claim("TaskFinish:x"))
          .isInstanceOf(DeduplicationStoreException.class)
          .hasMessageContaining(other)
          .hasMessageContaining("ci-callback.deduplication.jdbc.initialize-schema=true");
      CallbackDeduplicator creating = new JdbcCallbackDeduplicator(dataSource(), other, true, LEASE, TTL, clock);
      assertThat(creating.claim("TaskFinish:x")).isTrue();
      assertThat(refusing.claim("TaskFinish:x")).as("the table is there now").isFalse();
    }

    @Test
    void expiredRowsAreDeletedAndLongKeysStoredByTheirHash() throws Exception {
      CallbackDeduplicator store = instance();
      String longKey = "TaskFinish:" + "j".repeat(300);
      assertThat(store.claim(longKey)).isTrue();
      assertThat(instance().claim(longKey)).isFalse();
      assertThat(store.claim("TaskFinish:kept")).isTrue();
      store.handled("TaskFinish:kept");
      kept(store);
      assertThat(rows()).isEqualTo(2);
      pass(Duration.ofMinutes(2)); // past the lease of the long key, within the time to live of the handled one
      assertThat(store.claim("TaskFinish:other")).isTrue(); // the cleanup is due: the long key's row goes
      assertThat(rows()).isEqualTo(2);
      pass(TTL);
      assertThat(store.claim("TaskFinish:last")).isTrue();
      assertThat(rows()).isEqualTo(1);
    }
  }

  /** Over a database server started for the run: one connection pool per server, closed after the class. */
  abstract static class OverServer extends OverDatabase {

    private final HikariDataSource pool;

    OverServer(String jdbcUrl, String username) {
      pool = POOLS.computeIfAbsent(jdbcUrl, url -> {
        HikariDataSource created = new HikariDataSource();
        created.setJdbcUrl(url);
        created.setUsername(username);
        created.setMaximumPoolSize(10);
        return created;
      });
    }

    /** The JDBC URL of this server's database on {@code port}, where nothing listens. */
    abstract String urlOnPort(int port);

    @Override
    DataSource dataSource() {
      return pool;
    }

    @Override
    CallbackDeduplicator unreachable() {
      HikariDataSource down = new HikariDataSource();
      down.setJdbcUrl(urlOnPort(freePort()));
      down.setUsername(pool.getUsername());
      down.setConnectionTimeout(1000);
      down.setInitializationFailTimeout(-1);
      return new JdbcCallbackDeduplicator(down, table, true, LEASE, TTL, clock);
    }
  }

  @Nested
  @ExtendWith(ExternalServers.class)
  class PostgreSql extends OverServer {

    PostgreSql(PostgresServer server) {
      super(server.jdbcUrl(), server.username());
    }

    @Override
    String urlOnPort(int port) {
      return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }
  }

  @Nested
  @ExtendWith(ExternalServers.class)
  class MariaDb extends OverServer {

    MariaDb(MariaDbServer server) {
      super(server.jdbcUrl(), server.username());
    }

    @Override
    String urlOnPort(int port) {
      return "jdbc:mariadb://127.0.0.1:" + port + "/" + MariaDbServer.DATABASE;
    }
  }


  @Nested
  class H2 extends OverDatabase {

    private final HikariDataSource pool = new HikariDataSource();

    H2() {
      pool.setJdbcUrl("jdbc:h2:mem:claims;DB_CLOSE_DELAY=-1");
      pool.setMaximumPoolSize(10);
    }

    @Override
    DataSource dataSource() {
      return pool;
    }

    @Override
    CallbackDeduplicator unreachable() {
      HikariDataSource down = new HikariDataSource();
      down.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + freePort() + "/mem:none");
      down.setConnectionTimeout(1000);
      down.setInitializationFailTimeout(-1);
      return new JdbcCallbackDeduplicator(down, table, true, LEASE, TTL, clock);
    }
  }

  static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aTableNameIsAPlainSqlName() {
    DataSource none = new HikariDataSource();
    Hand clock = new Hand();
    assertThatThrownBy(() -> new JdbcCallbackDeduplicator(none, "claims; DROP TABLE x", true,
        Duration.ofMinutes(1), Duration.ofHours(1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ci-callback.deduplication.jdbc.table");
    assertThat(new JdbcCallbackDeduplicator(none, "app.claims", true, Duration.ofMinutes(1), Duration.ofHours(1),
        clock).table()).isEqualTo("app.claims");
  }
}
