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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
 * key longer than 255 bytes in UTF-8 is stored as {@code sha256:} and its hash. On MySQL and MariaDB the key column
 * is {@code VARBINARY(255)} ({@link #createTableSqlMySql}), so that keys differing in case or trailing spaces differ.
 * Every statement runs in auto-commit.
 *
 * <p>Concurrent claims go to the table together, one multi-row {@code INSERT} for all that wait (up to 64), and so do
 * the handled keys' updates, one JDBC batch in the background ({@link SharedDeduplicator}): under load a delivery
 * costs a share of a round trip rather than two. A batch whose {@code INSERT} meets a held key claims its keys one by
 * one.
 */
public final class JdbcCallbackDeduplicator extends SharedDeduplicator {

  /** The default table name. */
  public static final String DEFAULT_TABLE = "ci_callback_claim";

  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
  private static final int MAX_KEY_LENGTH = 255;
  private static final long CLEANUP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final int QUERY_TIMEOUT_SECONDS = 10;
  /** The most keys in one statement (3 parameters each, well within every database's limit). */
  private static final int MAX_BATCH = 64;
  /** The most claim statements in flight at once: 3 connections of the pool, and 1 for keeping handled keys. */
  private static final int MAX_IN_FLIGHT = 3;

  private final DataSource dataSource;
  private final String table;
  private final boolean createTable;
  private final long leaseMillis;
  private final long ttlMillis;
  private final Clock clock;
  private final AtomicLong nextCleanup = new AtomicLong();
  private volatile boolean tableChecked;

  /**
   * A store in {@code table} over {@code dataSource}, creating the table when it is missing if {@code createTable};
   * a claim holds for {@code lease} until handled, a handled key for {@code ttl}; timed by {@code clock}.
   */
  public JdbcCallbackDeduplicator(
      DataSource dataSource, String table, boolean createTable, Duration lease, Duration ttl, Clock clock) {
    super(MAX_BATCH, MAX_IN_FLIGHT);
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
  void release(Held held) {
    try (Connection connection = connect(); PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM " + table + " WHERE claim_key = ? AND token = ?")) {
      delete.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      delete.setString(1, stored(held.key()));
      delete.setString(2, held.token());
      delete.executeUpdate();
    } catch (SQLException e) {
      throw unavailable("release " + held.key(), e);
    }
  }

  /** The table's name. */
  public String table() {
    return table;
  }

  /**
   * Claims a batch: one multi-row {@code INSERT} wins every key when none is held (the common case, one round trip);
   * when one is (a duplicate-key error rolls the whole statement back), each key is claimed alone. A key twice in one
   * batch is claimed by its first delivery only.
   */
  @Override
  List<Boolean> claimAll(List<Held> batch) {
    long now = clock.millis();
    Map<String, Held> first = new TreeMap<>(); // by stored key: every statement takes its rows' locks in one order
    for (Held held : batch) {
      first.putIfAbsent(stored(held.key()), held);
    }
    Set<Held> won = new HashSet<>();
    try (Connection connection = connect()) {
      ensureTable(connection);
      cleanUpWhenDue(connection, now);
      if (insert(connection, first, now)) {
        won.addAll(first.values());
      } else {
        for (Map.Entry<String, Held> one : first.entrySet()) {
          if (insert(connection, Map.of(one.getKey(), one.getValue()), now)
              || takeOverExpired(connection, one.getKey(), one.getValue().token(), now)) {
            won.add(one.getValue());
          }
        }
      }
    } catch (SQLException e) {
      throw unavailable("claim " + named(batch), e);
    }
    List<Boolean> answers = new ArrayList<>(batch.size());
    for (Held held : batch) {
      answers.add(won.contains(held));
    }
    return answers;
  }

  /**
   * Inserts a row per claim (stored key to claim) in one statement: true, or false when a key is already in the table
   * (none inserted).
   */
  private boolean insert(Connection connection, Map<String, Held> claims, long now) throws SQLException {
    StringBuilder sql =
        new StringBuilder("INSERT INTO ").append(table).append(" (claim_key, token, expires_at) VALUES ");
    for (int i = 0; i < claims.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
    }
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      int i = 1;
      for (Map.Entry<String, Held> claim : claims.entrySet()) {
        insert.setString(i++, claim.getKey());
        insert.setString(i++, claim.getValue().token());
        insert.setLong(i++, now + leaseMillis);
      }
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Takes over a held key whose lease has run out; of two instances doing so, one updates the row. */
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

  /** Keeps a batch of handled keys for the time to live, each under its own token, in one JDBC batch. */
  @Override
  void keepAll(List<Held> batch) {
    long expiresAt = clock.millis() + ttlMillis;
    Map<String, String> tokens = new TreeMap<>(); // by stored key, as the claims take their locks
    for (Held held : batch) {
      tokens.put(stored(held.key()), held.token());
    }
    try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement(
        "UPDATE " + table + " SET expires_at = ? WHERE claim_key = ? AND token = ?")) {
      update.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      for (Map.Entry<String, String> held : tokens.entrySet()) {
        update.setLong(1, expiresAt);
        update.setString(2, held.getKey());
        update.setString(3, held.getValue());
        if (tokens.size() == 1) {
          update.executeUpdate();
        } else {
          update.addBatch();
        }
      }
      if (tokens.size() > 1) {
        update.executeBatch();
      }
    } catch (SQLException e) {
      throw unavailable("keep " + named(batch), e);
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
        String product = connection.getMetaData().getDatabaseProductName();
        statement.execute(
            "MySQL".equalsIgnoreCase(product) || "MariaDB".equalsIgnoreCase(product) ? createTableSqlMySql(table)
                : createTableSql(table));
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

  /**
   * The table's DDL on MySQL and MariaDB: the key is {@code VARBINARY}, since their default collations ignore case
   * (MariaDB's also trailing spaces and accents) and would take two callbacks' keys for one.
   */
  public static String createTableSqlMySql(String table) {
    return createTableSql(table).replace("claim_key VARCHAR(255)", "claim_key VARBINARY(255)");
  }

  /** The index's name: the table's, shortened to fit 64 characters (MySQL's limit, PostgreSQL's 63). */
  private String indexName() {
    String base = table.substring(table.lastIndexOf('.') + 1);
    return base.substring(0, Math.min(base.length(), 63 - "_expires_at".length())) + "_expires_at";
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

  /**
   * The key as stored: itself up to 255 bytes in UTF-8 (so that it fits a {@code VARCHAR(255)} in characters and a
   * {@code VARBINARY(255)} in bytes), else {@code sha256:} and its hash in hex.
   */
  static String stored(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() <= MAX_KEY_LENGTH / 3) {
      return key; // 3 bytes at most per UTF-16 unit: fits without counting
    }
    byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= MAX_KEY_LENGTH) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(utf8);
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
