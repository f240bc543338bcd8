package dev.cicallback.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.internal.tag.TagRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
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
 * Reading (validate + bind) one sample of each job Tag, of WorkflowFinish and of each moderation kind and form
 * (published where Tencent published one, else built from the SDKs' structs), against a bare parse of the same bytes in
 * the same run; and validating it in strict mode, beside the look at its bytes that strict mode adds to
 * tell whether it may hold a job of a Tag with its own entry ({@code tagScan}: a payload that cannot is judged by the
 * union verdict alone). Run from the repository root ({@code benchmarks/run.sh TagBenchmark}), which holds
 * {@code schema/examples}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TagBenchmark {

  @Param({
    "xml/valid-animation-intldocs-sample1-jobapi.xml",
    "xml/valid-concat-intldocs-sample1-jobapi.xml",
    "xml/valid-digitalwatermark-intldocs-sample1-jobapi.xml",
    "xml/valid-extractdigitalwatermark-intldocs-sample1-jobapi.xml",
    "xml/valid-mediainfo-intldocs-sample1-jobapi.xml",
    "xml/valid-noisereduction-intldocs-sample1-jobapi.xml",
    "xml/valid-picprocess-intldocs-sample1-jobapi.xml",
    "xml/valid-qualityestimate-intldocs-sample1-jobapi.xml",
    "xml/valid-sdrtohdr-intldocs-sample1-jobapi.xml",
    "xml/valid-segment-intldocs-sample1-jobapi.xml",
    "xml/valid-smartcover-intldocs-sample1-jobapi.xml",
    "xml/valid-snapshot-intldocs-sample1-jobapi.xml",
    "xml/valid-speechrecognition-en+zh-sample1-jobapi.xml",
    "xml/valid-streamextract-qclouddocs-sample1-jobapi.xml",
    "xml/valid-superresolution-intldocs-sample1-jobapi.xml",
    "xml/valid-transcode-intldocs-content.xml",
    "xml/valid-translation-intldocs-sample1-jobapi.xml",
    "xml/valid-seed-case1-task-api.xml",
    "xml/valid-videomontage-intldocs-sample1-jobapi.xml",
    "xml/valid-videoprocess-intldocs-sample1-jobapi.xml",
    "xml/valid-videotag-en-sample1-jobapi.xml",
    "xml/valid-voiceseparate-intldocs-sample1-jobapi.xml",
    "xml/valid-wordsgeneralize-en-sample1-jobapi.xml",
    "xml/valid-workflowfinish-gosdk-example-workflow.xml",
    "json/valid-transcode-intldocs-sample3-workflow.json",
    "json/valid-speechrecognition-en+zh-sample3-workflow.json",
    "json/valid-workflowfinish-qclouddocs-zh-case2.json",
    "xml/valid-dna-constructed-from-gosdk.xml",
    "xml/valid-docaigcmetadata-constructed-from-gosdk.xml",
    "xml/valid-docprocess-qclouddocs-sample1-jobapi.xml",
    "xml/valid-docwatermark-constructed-from-gosdk.xml",
    "xml/valid-filecompress-constructed-from-gosdk.xml",
    "xml/valid-filehashcode-constructed-from-gosdk.xml",
    "xml/valid-fileuncompress-constructed-from-gosdk.xml",
    "xml/valid-fillconcat-constructed-from-gosdk.xml",
    "xml/valid-generateplaylist-constructed-from-gosdk.xml",
    "xml/valid-imageinspect-qclouddocs-sample1-jobapi.xml",
    "xml/valid-imageocr-qclouddocs-sample1-jobapi-excerpt-closed.xml",
    "xml/valid-posterproduction-constructed-from-gosdk.xml",
    "xml/valid-segmentvideobody-constructed-from-gosdk.xml",
    "xml/valid-soundhound-qclouddocs-sample1-jobapi.xml",
    "xml/valid-splitvideoparts-qclouddocs-sample1-jobapi-excerpt-closed.xml",
    "xml/valid-videoenhance-constructed-from-gosdk.xml",
    "xml/valid-videosynthesis-constructed-from-gosdk.xml",
    "xml/valid-videotargetrec-qclouddocs-sample1-jobapi-excerpt-closed.xml",
    "xml/valid-vocalscore-qclouddocs-sample1-jobapi.xml",
    "json/moderation/valid-auditing-audio-detail-intldocs-sample1.json",
    "json/moderation/valid-auditing-audio-simple-docs-test-request-fixed.json",
    "json/moderation/valid-auditing-document-detail-intldocs-content.json",
    "json/moderation/valid-auditing-image-detail-intldocs-sample1.json",
    "json/moderation/valid-auditing-image-simple-intldocs-sample1.json",
    "json/moderation/valid-auditing-live-detail-intldocs-sample1.json",
    "json/moderation/valid-auditing-live-detail-running-auditing.json",
    "json/moderation/valid-auditing-text-simple-intldocs-test-request.json",
    "json/moderation/valid-auditing-video-detail-intldocs-sample2.json",
    "json/moderation/valid-auditing-video-simple-docs-test-request.json",
    "json/moderation/valid-auditing-webpage-detail-intldocs-content.json"
  })
  public String sample;

  private byte[] payload;
  private boolean isXml;
  private CallbackReader reader;
  private CallbackValidator validator;
  private TagRules tagRules;
  private XMLInputFactory stax;
  private JsonFactory json;

  @Setup
  public void setUp() throws Exception {
    payload = Files.readAllBytes(Path.of("schema/examples").resolve(sample));
    isXml = sample.endsWith(".xml");
    reader = CallbackReader.strict();
    validator = CallbackValidator.strict();
    tagRules = isXml ? TagRules.xml() : TagRules.json();
    stax = XMLInputFactory.newFactory();
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    json = new JsonFactory();
    if (!reader.read(payload).isValid()) {
      throw new IllegalStateException(sample + " is not read as valid");
    }
  }

  @Benchmark
  public void bareParse(Blackhole sink) throws Exception {
    BareParse.touchEveryToken(payload, isXml, stax, json, sink);
  }

  @Benchmark
  public Object read() {
    return reader.read(payload);
  }

  @Benchmark
  public Object validate() {
    return validator.validate(payload);
  }

  @Benchmark
  public boolean tagScan() {
    return tagRules.mayHold(payload, 0, payload.length);
  }
}
