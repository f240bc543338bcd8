package dev.cicallback.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.xml.ObjectFactory;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidationResult;
import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.stream.StreamSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validation, reading (validate + bind) and conversion of one payload, against two baselines measured in the same
 * run on the same bytes: a bare parse that touches every token (StAX, Jackson streaming) and binding without
 * validation (JAXB, Jackson databind). {@code Ratios} turns the results into ratios to the bare parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallbackBenchmark {

  @Param({"small", "large"})
  public String size;

  @Param({"xml", "json"})
  public String format;

  private byte[] payload;
  private CallbackValidator validator;
  private CallbackReader reader;
  private PayloadFormat other;
  private XMLInputFactory stax;
  private JsonFactory json;
  private JAXBContext jaxb;
  private ObjectMapper mapper;

  @Setup
  public void setUp() throws Exception {
    payload = Payloads.get(size, format);
    validator = CallbackValidator.strict();
    reader = CallbackReader.strict();
    other = format.equals("xml") ? PayloadFormat.JSON : PayloadFormat.XML;
    stax = XMLInputFactory.newFactory();
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    json = new JsonFactory();
    jaxb = JAXBContext.newInstance(ObjectFactory.class);
    mapper = new ObjectMapper();
    if (!validator.validate(payload).isValid()) {
      throw new IllegalStateException(size + " " + format + " payload is invalid");
    }
  }

  /** Baseline: parse, touching every token, no validation, no objects. */
  @Benchmark
  public void bareParse(Blackhole sink) throws Exception {
    BareParse.touchEveryToken(payload, format.equals("xml"), stax, json, sink);
  }

  /** Baseline: bind to the generated classes without validating. */
  @Benchmark
  public Object bindOnly() throws Exception {
    if (format.equals("xml")) {
      return jaxb.createUnmarshaller()
          .unmarshal(new StreamSource(new ByteArrayInputStream(payload)), dev.cicallback.model.xml.Response.class);
    }
    return mapper.readValue(payload, dev.cicallback.model.json.Callback.class);
  }

  @Benchmark
  public ValidationResult validate() {
    return validator.validate(payload);
  }

  @Benchmark
  public ReadResult read() {
    return reader.read(payload);
  }

  /** Read and write in the other wire format. */
  @Benchmark
  public byte[] convert() {
    return CallbackWriter.write(reader.read(payload).callback().orElseThrow(), other);
  }
}
