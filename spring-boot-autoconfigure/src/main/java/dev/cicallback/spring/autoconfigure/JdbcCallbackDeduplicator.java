package dev.cicallback.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link CallbackDeduplicator} over a table that every instance of the service shares, through the service's
 * {@link DataSource} and plain JDBC statements that PostgreSQL, MySQL-compatible databases and H2 all take:
 *
 * <pre>
 * CREATE TABLE ci_callback_claim (
 *   claim_key  VARCHAR(255) NOT NULL PRIMARY KEY,
 *   token      CHAR(36)     NOT NULL,
 *   expires_at BIGINT       NOT NULL
 * );
 * CREATE INDEX ci_callback_claim_expires_at ON ci_callback_claim (expires_at);
 * </pre>
 *
 * <p>A claim is an {@code INSERT} of the key with a token of its own and the end of its lease ({@code expires_at},
 * milliseconds since the epoch by the instance's clock); a duplicate-key error (SQLState class 23) means the key is
 * held, unless its row has expired, in which case one {@code UPDATE ... WHERE expires_at <= now} takes it over (of
 * two instances doing so, one updates the row). A handled key's row is kept for the time to live; a failed one's is
 * deleted, under its token only. Expired rows are deleted at most once a minute, by the claim that finds it due. A
 * key longer than 255 characters is stored as {@code sha256:} and its hash. Every statement runs in auto-commit.
 */
public final class JdbcCallbackDeduplicator implements CallbackDeduplicator {

  /** The default table name. */
  public static final String DEFAULT_TABLE = "ci_callback_claim";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
  private static final int MAX_KEY_LENGTH = 255;
  private static final long CLEANUP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final int QUERY_TIMEOUT_SECONDS = 10;

  private final DataSource dataSource;
  private final String table;
  private final boolean createTable;
  private final long leaseMillis;
  private final long ttlMillis;
  private final Clock clock;
  /** This instance's claims in flight: key to token. */
  private final Map<String, String> claims = new ConcurrentHashMap<>();
  private final AtomicLong nextCleanup = new AtomicLong();
  private volatile boolean tableChecked;

  /**
   * A store in {@code table} over {@code dataSource}, creating the table when it is missing if {@code createTable};
   * a claim holds for {@code lease} until handled, a handled key for {@code ttl}; timed by {@code clock}.
   */
  public JdbcCallbackDeduplicator(
      DataSource dataSource, String table, boolean createTable, Duration lease, Duration ttl, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (table == null || !IDENTIFIER.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "ci-callback.deduplication.jdbc.table must be a plain SQL name (letters, digits, _; schema.table): " + table);
    }
    this.table = table;
    this.createTable = createTable;
    this.leaseMillis = positive(lease, "ci-callback.deduplication.lease").toMillis();
    this.ttlMillis = positive(ttl, "ci-callback.deduplication.ttl").toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean claim(String key) {
    String stored = stored(key);
    String token = UUID.randomUUID().toString();
    long now = clock.millis();
    try (Connection connection = connect()) {
      ensureTable(connection);
      cleanUpWhenDue(connection, now);
      boolean won;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + table + " (claim_key, token, expires_at) VALUES (?, ?, ?)")) {
        insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        insert.setString(1, stored);
        insert.setString(2, token);
        insert.setLong(3, now + leaseMillis);
        insert.executeUpdate();
        won = true;
      } catch (SQLException e) {
        if (!isDuplicateKey(e)) {
          throw e;
        }
        won = takeOverExpired(connection, stored, token, now);
      }
      if (won) {
        claims.put(key, token);
      }
      return won;
    } catch (SQLException e) {
      throw unavailable("claim " + key, e);
    }
  }

  @Override
  public void handled(String key) {
    String token = claims.remove(key);
    if (token == null) {
      return;
    }
    update("UPDATE " + table + " SET expires_at = ? WHERE claim_key = ? AND token = ?",
        clock.millis() + ttlMillis, stored(key), token, "keep " + key);
  }

  @Override
  public void release(String key) {
    String token = claims.remove(key);
    if (token == null) {
      return;
    }
    update("DELETE FROM " + table + " WHERE claim_key = ? AND token = ?", null, stored(key), token, "release " + key);
  }

  /** The table's name. */
  public String table() {
    return table;
  }

  private boolean takeOverExpired(Connection connection, String stored, String token, long now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + table + " SET token = ?, expires_at = ? WHERE claim_key = ? AND expires_at <= ?")) {
      update.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      update.setString(1, token);
      update.setLong(2, now + leaseMillis);
      update.setString(3, stored);
      update.setLong(4, now);
      return update.executeUpdate() == 1;
    }
  }

  private void update(String sql, Long expiresAt, String stored, String token, String what) {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      int i = 1;
      if (expiresAt != null) {
        statement.setLong(i++, expiresAt);
      }
      statement.setString(i++, stored);
      statement.setString(i, token);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw unavailable(what, e);
    }
  }

  private void cleanUpWhenDue(Connection connection, long now) throws SQLException {
    long due = nextCleanup.get();
    if (now < due || !nextCleanup.compareAndSet(due, now + CLEANUP_INTERVAL_MILLIS)) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
      delete.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      delete.setLong(1, now);
      delete.executeUpdate();
    }
  }

  /** Checks once that the table is there; creates it when missing if allowed. */
  private void ensureTable(Connection connection) throws SQLException {
    if (tableChecked) {
      return;
    }
    if (!tableExists(connection)) {
      if (!createTable) {
        throw new SQLException("the table " + table + " does not exist: create it (its DDL is in docs/spring-boot.md)"
            + " or set ci-callback.deduplication.jdbc.initialize-schema=true");
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(createTableSql(table));
        statement.execute("CREATE INDEX " + indexName() + " ON " + table + " (expires_at)");
      } catch (SQLException e) {
        if (!tableExists(connection)) { // another instance may have created it meanwhile
          throw e;
        }
      }
    }
    tableChecked = true;
  }

  private boolean tableExists(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      statement.executeQuery("SELECT claim_key, token, expires_at FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The table's DDL (the index is created beside it). */
  public static String createTableSql(String table) {
    return "CREATE TABLE " + table + " (claim_key VARCHAR(255) NOT NULL PRIMARY KEY, token CHAR(36) NOT NULL, "
        + "expires_at BIGINT NOT NULL)";
  }

  private String indexName() {
    return table.substring(table.lastIndexOf('.') + 1) + "_expires_at";
  }

  private Connection connect() throws SQLException {
    Connection connection = dataSource.getConnection();
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private static boolean isDuplicateKey(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null && next.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private DeduplicationStoreException unavailable(String what, SQLException e) {
    return new DeduplicationStoreException(
        "the de-duplication table " + table + " could not be used to " + what + ": " + e.getMessage(), e);
  }

  /** The key as stored: itself up to 255 characters, else {@code sha256:} and its hash in hex. */
  static String stored(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() <= MAX_KEY_LENGTH) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Duration positive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
