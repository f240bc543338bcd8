package dev.cicallback.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged contract: schema/ as the build read it, written and read back without loss. */
class ContractFileTest {

  @Test
  void the_packaged_file_is_schema_read_now() throws Exception {
    byte[] packaged;
    try (InputStream in = ContractFile.class.getResourceAsStream("/" + ContractFile.RESOURCE)) {
      assertNotNull(in, "no " + ContractFile.RESOURCE + " on the classpath: the build step did not run");
      packaged = in.readAllBytes();
    }
    assertArrayEquals(ContractFile.write(Contract.of(FormsAgreeTest.SCHEMA)), packaged,
        "the packaged contract is not schema/ as it is now: rebuild the contract module");
  }

  @Test
  void a_contract_reads_back_as_it_was_written() throws Exception {
    Contract written = Contract.of(FormsAgreeTest.SCHEMA);
    byte[] bytes = ContractFile.write(written);
    Contract read = ContractFile.read(new ByteArrayInputStream(bytes));

    assertArrayEquals(bytes, ContractFile.write(read), "every field survives a round trip");
    assertEquals(written.version(), read.version());
    assertEquals(written.xsd().keySet(), read.xsd().keySet());
    assertEquals(written.jsonSchema().keySet(), read.jsonSchema().keySet());
    ContractNode operation = read.root(SchemaForm.XSD, "callback").child("JobsDetail").child("Operation");
    assertEquals(written.root(SchemaForm.XSD, "callback").child("JobsDetail").child("Operation").content(),
        operation.content());
    List<String> differences = new ArrayList<>();
    int compared = TreeDifferences.of(written.root(SchemaForm.JSON_SCHEMA, "callback"),
        read.root(SchemaForm.JSON_SCHEMA, "callback"), "callback", differences);
    assertEquals(List.of(), differences);
    assertTrue(compared > 700, "compared " + compared);
  }
}
