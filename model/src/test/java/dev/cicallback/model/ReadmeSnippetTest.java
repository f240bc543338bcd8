package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.xml.JobsDetail;
import dev.cicallback.model.xml.Response;
import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;

/** The README's model snippet, compiled and run. */
class ReadmeSnippetTest {

  @Test
  void readme_snippet_reads_seed_case_1() throws Exception {
    byte[] body = Fixtures.read(Fixtures.ROOT.resolve("xml/valid-seed-case1-task-api.xml"));
    OffsetDateTime endedAt = null;
    List<String> written = null;

    // XML (the default callback format): dev.cicallback.model.xml
    JAXBContext jaxb = JAXBContext.newInstance(dev.cicallback.model.xml.ObjectFactory.class);
    Response callback = jaxb.createUnmarshaller()
        .unmarshal(new StreamSource(new ByteArrayInputStream(body)), Response.class).getValue();
    for (JobsDetail job : callback.getJobsDetail()) {
      OffsetDateTime ended = job.getEndTime().toOffsetDateTime().orElseThrow();   // 2022-06-30T19:33:24+08:00
      List<String> objects = job.getOperation().getMediaResult().getOutputFile().getObjectName();
      endedAt = ended;
      written = objects;
    }
    // JSON: dev.cicallback.model.json, same names and shapes
    byte[] jsonBody = Fixtures.read(Fixtures.ROOT.resolve("json/valid-seed-case1-task-api.json"));
    var json = new ObjectMapper().readValue(jsonBody, dev.cicallback.model.json.Callback.class);

    assertEquals(OffsetDateTime.parse("2022-06-30T19:33:24+08:00"), endedAt);
    assertEquals(List.of("/output/aixiaonan.mp3"), written);
    assertEquals(written, json.getJobsDetail().get(0).getOperation().getMediaResult().getOutputFile().getObjectName());
  }
}
