package dev.cicallback.spring.autoconfigure.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of this machine's (Debian's {@code postgresql} package: {@code /usr/lib/postgresql/N/bin}), made
 * with {@code initdb} in a temporary folder and started with {@code pg_ctl} on a free loopback port, trusting local
 * connections as {@code postgres}. As root it runs as the {@code postgres} user the package creates (PostgreSQL
 * refuses root). One per test run ({@link ExternalServers}); stopped and deleted when the run ends.
 */
public final class PostgresServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final Path folder;
  private final Path bin;
  private final String user;
  private final int port;

  private PostgresServer(Path folder, Path bin, String user, int port) {
    this.folder = folder;
    this.bin = bin;
    this.user = user;
    this.port = port;
  }

  /** Makes and starts a server. */
  static PostgresServer start() {
    Path bin = binaries();
    String user = LocalProcess.isRoot() ? "postgres" : null;
    Path folder;
    try {
      folder = Files.createTempDirectory("ci-callback-postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (user != null) {
      LocalProcess.run(null, 30, "chown", user, folder.toString());
    }
    int port = LocalProcess.freePort();
    Path data = folder.resolve("data");
    LocalProcess.run(user, 120, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
    LocalProcess.run(user, 120, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=100",
        "start");
    return new PostgresServer(folder, bin, user, port);
  }

  /** The newest {@code /usr/lib/postgresql/N/bin} with {@code initdb}. */
  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL is not installed under " + root + ": run bin/install-test-tools (Debian package postgresql)", e);
    }
  }

  /** The JDBC URL of its {@code postgres} database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The user to connect as (trusted: no password). */
  public String username() {
    return "postgres";
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  private boolean closed;

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      LocalProcess.run(user, 60, bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
          "-m", "immediate", "-w", "stop");
    } finally {
      LocalProcess.delete(folder);
    }
  }
}
