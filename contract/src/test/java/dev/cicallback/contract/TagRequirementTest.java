package dev.cicallback.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.testing.ContractFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a per-Tag entry requires beyond the union entry, read from the trees: the TTS entry's {@code State},
 * {@code Operation/Output} and {@code Operation/TtsConfig}, the same in both forms and in the packaged contract, and
 * following the schema files when they change.
 */
class TagRequirementTest {

  private static final List<String> TTS = List.of("State", "Operation/Output", "Operation/TtsConfig");

  /**
   * The JSON form's: CI's JSON leaves out an Operation that is empty in the XML, so the union entry leaves it optional
   * there (the empty-element rule), while the TTS entry requires it.
   */
  private static final List<String> TTS_JSON =
      List.of("Operation", "State", "Operation/Output", "Operation/TtsConfig");

  private static List<String> tts(SchemaForm form) {
    return form == SchemaForm.JSON_SCHEMA ? TTS_JSON : TTS;
  }

  private static List<String> paths(Contract contract, SchemaForm form, String tag) {
    List<TagRequirement> requirements = contract.tagRequirements(form).get(tag);
    assertNotNull(requirements, () -> form + ": no requirements for " + tag + " in " + contract.tagRequirements(form));
    return requirements.stream().map(TagRequirement::path).toList();
  }

  @Test
  void the_tts_entry_requires_state_output_and_ttsconfig_in_both_forms() throws Exception {
    Contract contract = Contract.of(FormsAgreeTest.SCHEMA);
    for (SchemaForm form : SchemaForm.values()) {
      assertEquals(tts(form), paths(contract, form, "Tts"), form::toString);
      TagRequirement state = contract.tagRequirements(form).get("Tts").get(tts(form).indexOf("State"));
      assertEquals(new TagRequirement("Tts", "tts-callback", List.of(), "State"), state);
      assertEquals("JobsDetail", state.parentName());
      TagRequirement ttsConfig =
          contract.tagRequirements(form).get("Tts").get(tts(form).indexOf("Operation/TtsConfig"));
      assertEquals("Operation", ttsConfig.parentName());
      assertEquals(List.of("Tts"), List.copyOf(contract.tagRequirements(form).keySet()), "only Tts has an entry");
    }
  }

  @Test
  void the_packaged_contract_gives_the_same_from_its_files_headers() throws Exception {
    Contract folder = Contract.of(FormsAgreeTest.SCHEMA);
    for (SchemaForm form : SchemaForm.values()) {
      assertEquals(folder.tagRequirements(form), Contract.packaged().tagRequirements(form), form::toString);
      assertEquals(folder.tagRequirements(form), ContractFile.packagedTagRequirements(form), form::toString);
    }
  }

  @Test
  void a_requirement_taken_out_of_the_tts_entry_is_gone_from_its_form(@TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(FormsAgreeTest.SCHEMA, temp);
    ContractFolders.edit(copy.resolve("json/tts-callback.schema.json"),
        "\"Tag\",\n        \"State\",\n", "\"Tag\",\n");
    String xsd = Files.readString(copy.resolve("xml/tts-callback.xsd"));
    int key = xsd.indexOf("<xs:key name=\"TtsJob-has-State\">");
    ContractFolders.edit(copy.resolve("xml/tts-callback.xsd"),
        xsd.substring(key, xsd.indexOf("</xs:key>", key) + "</xs:key>".length()), "");

    Contract contract = Contract.of(copy);

    for (SchemaForm form : SchemaForm.values()) {
      List<String> left = new ArrayList<>(tts(form));
      left.remove("State");
      assertEquals(left, paths(contract, form, "Tts"), form::toString);
    }
  }

  @Test
  void another_entry_whose_tag_takes_one_value_is_a_per_tag_entry(@TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(FormsAgreeTest.SCHEMA, temp);
    Path json = copy.resolve("json/transcode-callback.schema.json");
    Files.copy(copy.resolve("json/tts-callback.schema.json"), json);
    ContractFolders.edit(json, "tts-callback.schema.json\"", "transcode-callback.schema.json\"");
    ContractFolders.edit(json, "\"enum\": [\n        \"Tts\"\n      ]", "\"enum\": [\n        \"Transcode\"\n      ]");
    Path several = copy.resolve("json/several-callback.schema.json");
    Files.copy(copy.resolve("json/tts-callback.schema.json"), several);
    ContractFolders.edit(several, "tts-callback.schema.json\"", "several-callback.schema.json\"");
    ContractFolders.edit(several, "\"enum\": [\n        \"Tts\"\n      ]",
        "\"enum\": [\n        \"Tts\",\n        \"Transcode\"\n      ]");

    Map<String, List<TagRequirement>> requirements = Contract.of(copy).tagRequirements(SchemaForm.JSON_SCHEMA);

    assertEquals(List.of("Transcode", "Tts"), List.copyOf(requirements.keySet()), "an entry of two Tags adds none");
    assertEquals(TTS_JSON, requirements.get("Transcode").stream().map(TagRequirement::path).toList());
    assertTrue(requirements.get("Transcode").stream().allMatch(r -> r.entry().equals("transcode-callback")));
  }

  @Test
  void a_contract_without_a_union_entry_has_no_requirements(@TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(FormsAgreeTest.SCHEMA, temp);
    Files.delete(copy.resolve("json/callback.schema.json"));

    assertEquals(Map.of(), Contract.of(copy).tagRequirements(SchemaForm.JSON_SCHEMA));
  }
}
