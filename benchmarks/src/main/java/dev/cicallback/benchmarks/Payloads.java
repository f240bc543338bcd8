package dev.cicallback.benchmarks;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The payloads measured: the seed's TTS callback (about 2 KB) and a large one (about 64 KB: many streams and outputs)
 * built from a fixture, each in both wire formats. The JSON forms are written by the library from the XML ones.
 */
final class Payloads {

  static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "schema")).resolve("examples");

  private Payloads() {}

  static byte[] get(String size, String format) throws IOException {
    byte[] xml = size.equals("small") ? small() : large();
    if (format.equals("xml")) {
      return xml;
    }
    return CallbackWriter.toJson(read(xml).callback().orElseThrow());
  }

  private static byte[] small() throws IOException {
    return Files.readAllBytes(EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml"));
  }

  /** The several-outputs-and-streams fixture with its streams and outputs repeated to about 64 KB. */
  private static byte[] large() throws IOException {
    String xml = Files.readString(EXAMPLES.resolve("xml/valid-several-outputs-and-streams.xml"), StandardCharsets.UTF_8);
    String streams = between(xml, "<Stream>", "</Stream>");
    String md5 = "<Md5Info>" + between(xml, "<Md5Info>", "</Md5Info>") + "</Md5Info>";
    StringBuilder moreStreams = new StringBuilder();
    StringBuilder moreOutputs = new StringBuilder();
    for (int i = 0; xml.length() + moreStreams.length() + moreOutputs.length() < 64 * 1024; i++) {
      moreStreams.append(streams);
      moreOutputs.append("<ObjectName>/output/part-").append(i).append(".mp3</ObjectName>").append(md5);
    }
    String large = xml.replace("<Stream>", "<Stream>" + moreStreams)
        .replace("<OutputFile>", "<OutputFile>" + moreOutputs);
    byte[] bytes = large.getBytes(StandardCharsets.UTF_8);
    ReadResult result = read(bytes);
    if (!result.isValid()) {
      throw new IllegalStateException("the large payload is invalid: " + result.problems());
    }
    return bytes;
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from) + from.length();
    return text.substring(start, text.indexOf(to, start));
  }

  private static ReadResult read(byte[] payload) {
    return CallbackReader.strict().read(payload);
  }

}
