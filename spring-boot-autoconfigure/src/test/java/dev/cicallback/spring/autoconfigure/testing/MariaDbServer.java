package dev.cicallback.spring.autoconfigure.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MariaDB server of this machine's (Debian's {@code mariadb-server} package: {@code /usr/sbin/mariadbd}), its data
 * folder made with {@code mariadb-install-db} in a temporary folder and started on a free loopback port, with a
 * database {@value #DATABASE} and {@code root} connecting without a password. As root it runs with {@code --user=root}
 * (MariaDB refuses root otherwise). It stands for the MySQL-compatible databases: the character set is {@code utf8mb4},
 * as MySQL's and Debian's configurations have it. One per test run ({@link ExternalServers}); stopped and deleted when
 * the run ends.
 */
public final class MariaDbServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  /** The database the tests use. */
  public static final String DATABASE = "ci_callback";

  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final Path CLIENT = Path.of("/usr/bin/mariadb");

  private final Process process;
  private final Path folder;
  private final int port;

  private MariaDbServer(Process process, Path folder, int port) {
    this.process = process;
    this.folder = folder;
    this.port = port;
  }

  /** Makes a data folder, starts a server on it and creates {@value #DATABASE}. */
  static MariaDbServer start() {
    for (Path executable : List.of(SERVER, INSTALL_DB, CLIENT)) {
      if (!Files.isExecutable(executable)) {
        throw new IllegalStateException("MariaDB is not installed (" + executable
            + " is missing): run bin/install-test-tools (Debian package mariadb-server)");
      }
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("ci-callback-mariadb");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MariaDbServer server = null;
    try {
      Path data = folder.resolve("data");
      List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
          "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
      install.addAll(storageOptions());
      if (LocalProcess.isRoot()) {
        install.add("--user=root");
      }
      LocalProcess.run(null, 120, install.toArray(String[]::new));

      int port = LocalProcess.freePort();
      List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
          "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + folder.resolve("mariadbd.sock"),
          "--pid-file=" + folder.resolve("mariadbd.pid"), "--skip-name-resolve", "--skip-log-bin",
          "--character-set-server=utf8mb4", "--max-connections=100"));
      command.addAll(storageOptions());
      if (LocalProcess.isRoot()) {
        command.add("--user=root");
      }
      Path log = folder.resolve("server.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      server = new MariaDbServer(process, folder, port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!server.greets()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("mariadbd did not start: " + Files.readString(log));
        }
        Thread.sleep(50);
      }
      LocalProcess.run(null, 30, CLIENT.toString(), "--no-defaults", "--protocol=TCP", "--host=127.0.0.1",
          "--port=" + port, "--user=root", "--execute=CREATE DATABASE " + DATABASE);
      return server;
    } catch (IOException e) {
      close(server, folder);
      throw new UncheckedIOException(
          "could not start mariadbd: run bin/install-test-tools (Debian package mariadb-server)", e);
    } catch (InterruptedException e) {
      close(server, folder);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      close(server, folder);
      throw e;
    }
  }

  /** InnoDB sized and synced for a short-lived test server (the data folder is thrown away afterwards). */
  private static List<String> storageOptions() {
    return List.of("--innodb-buffer-pool-size=32M", "--innodb-log-file-size=8M", "--innodb-flush-method=nosync",
        "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0");
  }

  private static void close(MariaDbServer server, Path folder) {
    if (server != null) {
      server.close();
    } else {
      LocalProcess.delete(folder);
    }
  }

  /** Whether the server sends its handshake (protocol version 10) on a new connection. */
  private boolean greets() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(1000);
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(5); // a 3-byte length, the sequence number, then the protocol version
      return header.length == 5 && header[4] == 10;
    } catch (IOException e) {
      return false;
    }
  }

  /** The JDBC URL of its {@value #DATABASE} database (for the MariaDB driver). */
  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** The user to connect as (no password). */
  public String username() {
    return "root";
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
    LocalProcess.stop(process, 30, folder);
  }
}
