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
  void the_packaged_files_are_schema_read_now() throws Exception {
    Contract now = Contract.of(FormsAgreeTest.SCHEMA);
    for (SchemaForm form : SchemaForm.values()) {
      byte[] packaged;
      try (InputStream in = ContractFile.class.getResourceAsStream("/" + ContractFile.resource(form))) {
        assertNotNull(in, "no " + ContractFile.resource(form) + " on the classpath: the build step did not run");
        packaged = in.readAllBytes();
      }
      assertArrayEquals(ContractFile.write(now, form), packaged,
          "the packaged contract is not schema/ as it is now: rebuild the contract module");
    }
  }

  @Test
  void a_contract_reads_back_as_it_was_written() throws Exception {
    Contract written = Contract.of(FormsAgreeTest.SCHEMA);
    byte[] xsdBytes = ContractFile.write(written, SchemaForm.XSD);
    byte[] jsonBytes = ContractFile.write(written, SchemaForm.JSON_SCHEMA);
    Contract read = Contract.of(written.version(), ContractFile.read(new ByteArrayInputStream(xsdBytes)).xsd(),
        ContractFile.read(new ByteArrayInputStream(jsonBytes)).jsonSchema());

    assertArrayEquals(xsdBytes, ContractFile.write(read, SchemaForm.XSD), "every field survives a round trip");
    assertArrayEquals(jsonBytes, ContractFile.write(read, SchemaForm.JSON_SCHEMA), "every field survives a round trip");
    assertEquals(written.version(), ContractFile.read(new ByteArrayInputStream(xsdBytes)).version());
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
