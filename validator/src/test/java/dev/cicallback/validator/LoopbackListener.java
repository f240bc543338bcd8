package dev.cicallback.validator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A port on the loopback address that counts the connections made to it: planted where nothing may connect. */
public final class LoopbackListener implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private LoopbackListener(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket ignored = server.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    });
    acceptor.start();
  }

  /** A listener on a free loopback port, accepting from now on. */
  public static LoopbackListener start() throws IOException {
    return new LoopbackListener(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  /** {@code http://127.0.0.1:PORT}, to plant in a payload or a schema. */
  public String base() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** How many connections arrived, after a moment for late ones; closes the port. */
  public int connectionsWhenClosed() throws IOException, InterruptedException {
    Thread.sleep(200);
    close();
    acceptor.join(2000);
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
