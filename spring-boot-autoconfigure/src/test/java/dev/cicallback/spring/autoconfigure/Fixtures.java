package dev.cicallback.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;

/** The repository's fixtures (../schema/examples from the module), and HTTP input messages made of bytes. */
final class Fixtures {

  static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  private Fixtures() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(EXAMPLES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request body, with the headers given and a count of the bytes taken from it. */
  static final class Input implements HttpInputMessage {
    final HttpHeaders headers = new HttpHeaders();
    private final InputStream body;
    long taken;

    Input(InputStream source) {
      this.body = new InputStream() {
        @Override
        public int read() throws IOException {
          int b = source.read();
          if (b >= 0) {
            taken++;
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = source.read(buffer, offset, length);
          if (n > 0) {
            taken += n;
          }
          return n;
        }
      };
    }

    Input(byte[] bytes) {
      this(new java.io.ByteArrayInputStream(bytes));
    }

    @Override
    public InputStream getBody() {
      return body;
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }

  /** An endless body: a blank at every byte after an opening angle bracket. */
  static InputStream endless() {
    return new InputStream() {
      private boolean started;

      @Override
      public int read() {
        if (!started) {
          started = true;
          return '<';
        }
        return ' ';
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
          buffer[offset + i] = (byte) read();
        }
        return length;
      }
    };
  }
}
