package dev.cicallback.cli;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, one {@code testcase} per payload and a {@code failure} carrying its errors, so CI servers show the
 * verdicts natively. The failure's {@code type} is the first error's code ({@code ProblemCode}: {@code VALUE},
 * {@code MISSING}, ...) and its {@code message} that error's message; the body lists every error. Warnings go to the test case's {@code system-out}. Times are in seconds with a dot, whatever the
 * locale: the suite's is the batch's wall-clock time (payloads are checked in parallel), each case's its own.
 */
final class JunitReport implements Report {

  private final Duration elapsed;

  /** {@code elapsed}: how long the whole batch took. */
  JunitReport(Duration elapsed) {
    this.elapsed = elapsed;
  }

  @Override
  public void write(List<PayloadResult> results, Writer out) throws IOException {
    long failures = results.stream().filter(r -> !r.result().isValid()).count();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      writeCounts(xml, results.size(), failures);
      xml.writeAttribute("time", seconds(elapsed.toNanos()));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      writeCounts(xml, results.size(), failures);
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", seconds(elapsed.toNanos()));
      for (PayloadResult result : results) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute(
            "classname",
            "ci-callback." + result.result().format().map(PayloadFormat::label).orElse("unknown"));
        xml.writeAttribute("name", result.path());
        xml.writeAttribute("time", seconds(result.nanos()));
        List<Problem> errors = result.result().errors();
        if (!errors.isEmpty()) {
          xml.writeCharacters("\n      ");
          xml.writeStartElement("failure");
          xml.writeAttribute("type", errors.get(0).code().name());
          xml.writeAttribute("message", errors.get(0).message());
          xml.writeCharacters(lines(result.path(), errors));
          xml.writeEndElement();
        }
        List<Problem> warnings = result.result().warnings();
        if (!warnings.isEmpty()) {
          xml.writeCharacters("\n      ");
          xml.writeStartElement("system-out");
          xml.writeCharacters(lines(result.path(), warnings));
          xml.writeEndElement();
        }
        if (!errors.isEmpty() || !warnings.isEmpty()) {
          xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report", e);
    }
  }

  private static void writeCounts(XMLStreamWriter xml, long tests, long failures) throws XMLStreamException {
    xml.writeAttribute("name", "ci-callback validate");
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
  }

  /** Nanoseconds as seconds to the millisecond, e.g. {@code 0.042}, with a dot in every locale. */
  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  private static String lines(String path, List<Problem> problems) {
    return problems.stream().map(p -> TextReport.line(path, p)).collect(Collectors.joining("\n", "\n", "\n"));
  }
}
