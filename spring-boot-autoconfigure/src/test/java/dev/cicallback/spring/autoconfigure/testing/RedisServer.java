package dev.cicallback.spring.autoconfigure.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code redis-server} of this machine's (Debian's {@code redis-server} package) on a free loopback port, without
 * persistence ({@code --save ''}), its working folder temporary. One per test run ({@link ExternalServers}); stopped
 * when the run ends.
 */
public final class RedisServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final Process process;
  private final Path folder;
  private final int port;

  private RedisServer(Process process, Path folder, int port) {
    this.process = process;
    this.folder = folder;
    this.port = port;
  }

  /** Starts a server on a free port and waits until it answers PING. */
  static RedisServer start() {
    return start(LocalProcess.freePort());
  }

  /**
   * Starts a server of a test's own on {@code port} (one stopped and started again there stands for an outage) and
   * waits until it answers PING; the test closes it.
   */
  public static RedisServer start(int port) {
    String executable = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
    try {
      Path folder = Files.createTempDirectory("ci-callback-redis");
      Process process = new ProcessBuilder(executable, "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", folder.toString(), "--daemonize", "no")
          .redirectErrorStream(true)
          .redirectOutput(folder.resolve("server.log").toFile())
          .start();
      RedisServer server = new RedisServer(process, folder, port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.answersPing()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          server.close();
          throw new IllegalStateException("redis-server did not start: "
              + Files.readString(folder.resolve("server.log")));
        }
        Thread.sleep(50);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start redis-server: run bin/install-test-tools (Debian package redis-server)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = new byte[7];
      int n = in.readNBytes(answer, 0, 7);
      return new String(answer, 0, n, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  /** The host to connect to. */
  public String host() {
    return "127.0.0.1";
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** A loopback port nothing listens on now. */
  public static int freePort() {
    return LocalProcess.freePort();
  }

  private boolean closed;

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LocalProcess.stop(process, 10, folder);
  }
}
