package dev.cicallback.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The published jars as module-path users see them: each has a module descriptor (the starters, which hold no
 * classes, only their Automatic-Module-Name), exports its API packages and nothing else (no package under
 * {@code .internal}, qualified or not), and the validator runs in a module layer of its own.
 *
 * <p>The jars are the ones this module's tests are built against (test dependencies in pom.xml, without their own
 * dependencies); under {@code mvn verify} they are the jars the reactor just packaged.
 */
class PublishedModulesTest {

  /** Each published module and the packages it exports: its API. Empty for the starters (automatic modules). */
  private static final Map<String, Set<String>> API = Map.of(
      "dev.cicallback.contract", Set.of("dev.cicallback.contract"),
      "dev.cicallback.model", Set.of("dev.cicallback.model", "dev.cicallback.model.xml", "dev.cicallback.model.json",
          "dev.cicallback.model.moderation.json", "dev.cicallback.model.moderation.xml.detail",
          "dev.cicallback.model.moderation.xml.simple"),
      "dev.cicallback.validator", Set.of("dev.cicallback.validator"),
      "dev.cicallback.compat", Set.of("dev.cicallback.compat"),
      "dev.cicallback.cli", Set.of("dev.cicallback.cli", "dev.cicallback.cli.simulate"),
      "dev.cicallback.maven", Set.of("dev.cicallback.maven"),
      "dev.cicallback.kafka", Set.of("dev.cicallback.kafka"),
      "dev.cicallback.spring.autoconfigure", Set.of("dev.cicallback.spring.autoconfigure"),
      "dev.cicallback.spring.starter", Set.of(),
      "dev.cicallback.spring.starter.webflux", Set.of());

  /** The published jars that have no classes, so no descriptor: their manifests name them. */
  private static final Set<String> AUTOMATIC =
      Set.of("dev.cicallback.spring.starter", "dev.cicallback.spring.starter.webflux");

  /** The test class path: surefire's own property (the JVM's may name a manifest-only jar), else the JVM's. */
  private static List<Path> testClassPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Path> entries = new ArrayList<>();
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  /** The module in a class path entry: a jar, or a classes folder with a descriptor; empty for anything else. */
  private static Optional<ModuleReference> moduleIn(Path entry) {
    boolean jar = entry.toString().endsWith(".jar") && Files.isRegularFile(entry);
    boolean exploded = Files.isRegularFile(entry.resolve("module-info.class"));
    if (!jar && !exploded) {
      return Optional.empty();
    }
    try {
      Set<ModuleReference> found = ModuleFinder.of(entry).findAll();
      return found.size() == 1 ? found.stream().findFirst() : Optional.empty();
    } catch (FindException e) {
      return Optional.empty();  // a jar no automatic name can be derived for: not one of ours
    }
  }

  private static Map<String, ModuleReference> published() {
    Map<String, ModuleReference> ours = new TreeMap<>();
    for (Path entry : testClassPath()) {
      moduleIn(entry).filter(m -> API.containsKey(m.descriptor().name()))
          .ifPresent(m -> ours.putIfAbsent(m.descriptor().name(), m));
    }
    return ours;
  }

  @Test
  void every_published_jar_has_a_descriptor_that_exports_its_api_and_no_internal_package() {
    Map<String, ModuleReference> ours = published();
    assertEquals(API.keySet(), ours.keySet(), "the published modules on the test class path (examples/pom.xml)");

    Map<String, String> wrong = new TreeMap<>();
    for (ModuleReference module : ours.values()) {
      ModuleDescriptor descriptor = module.descriptor();
      String name = descriptor.name();
      String where = name + " (" + module.location().orElseThrow() + ")";
      if (AUTOMATIC.contains(name)) {
        assertTrue(descriptor.isAutomatic(), where + " was expected to be an automatic module");
        assertEquals(Set.of(), descriptor.packages(), where + " now has classes: give it a module-info.java");
        continue;
      }
      if (descriptor.isAutomatic() || descriptor.isOpen()) {
        wrong.put(name, "no module-info.class (automatic: " + descriptor.isAutomatic() + ", open module: "
            + descriptor.isOpen() + ")");
        continue;
      }
      Set<String> exported = new TreeSet<>();
      for (ModuleDescriptor.Exports export : descriptor.exports()) {
        exported.add(export.source() + (export.isQualified() ? " to " + export.targets() : ""));
      }
      Set<String> expected = new TreeSet<>(API.get(name));
      if (!exported.equals(expected)) {
        wrong.put(name, "exports " + exported + ", the API is " + expected);
      }
      for (ModuleDescriptor.Opens opens : descriptor.opens()) {
        if (opens.source().contains("internal")) {
          wrong.put(name, "opens " + opens.source() + " " + opens.targets());
        }
      }
    }
    assertEquals(Map.of(), wrong, "published modules whose descriptor is missing or exports other than the API");
  }

  @Test
  void the_descriptors_keep_internal_packages_in_the_jar_and_out_of_the_exports() {
    // The check above means something only if the internal packages are in the jars it reads.
    Map<String, ModuleReference> ours = published();
    for (String name : List.of("dev.cicallback.validator", "dev.cicallback.compat")) {
      ModuleDescriptor descriptor = ours.get(name).descriptor();
      Set<String> internal = new TreeSet<>();
      for (String pkg : descriptor.packages()) {
        if (pkg.contains(".internal")) {
          internal.add(pkg);
        }
      }
      assertFalse(internal.isEmpty(), name + " has no internal package in its jar");
      for (String pkg : internal) {
        assertFalse(descriptor.exports().stream().anyMatch(e -> e.source().equals(pkg)), name + " exports " + pkg);
      }
    }
  }

  @Test
  void the_validator_reads_callbacks_in_a_module_layer() throws Exception {
    // The validator, its modules and third-party ones from the class path, resolved by their descriptors alone.
    List<ModuleFinder> finders = new ArrayList<>();
    for (Path entry : testClassPath()) {
      moduleIn(entry).ifPresent(m -> finders.add(ModuleFinder.of(entry)));
    }
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration().resolve(
        ModuleFinder.compose(finders.toArray(ModuleFinder[]::new)), ModuleFinder.of(),
        Set.of("dev.cicallback.validator"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    Module validator = layer.findModule("dev.cicallback.validator").orElseThrow();
    assertTrue(validator.getDescriptor() != null && !validator.getDescriptor().isAutomatic(), "not a named module");
    assertFalse(validator.isExported("dev.cicallback.validator.internal"), "the internal package is exported");

    Class<?> readerClass = Class.forName("dev.cicallback.validator.CallbackReader", true, layer.findLoader(
        "dev.cicallback.validator"));
    assertEquals(validator, readerClass.getModule(), "the reader came from elsewhere");
    Object reader = readerClass.getMethod("strict").invoke(null);
    Method read = readerClass.getMethod("read", Path.class);
    Path examples = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

    // JSON bound by Jackson into the model (its package opened to Jackson), XML through the quick pass, and a payload
    // with a problem, which the JSON Schema library reports with the schema files it loads from the contract module.
    for (String valid : List.of("json/valid-wordsgeneralize-en-sample2-jobapi-fixed.json", "xml/valid-failed-job.xml")) {
      Object result = read.invoke(reader, examples.resolve(valid));
      Optional<?> callback = (Optional<?>) result.getClass().getMethod("callback").invoke(result);
      assertTrue(callback.isPresent(), valid + ": " + result);
      assertEquals("dev.cicallback.model", callback.get().getClass().getModule().getName(), valid);
    }
    Object invalid = read.invoke(reader, examples.resolve("json/invalid-concat-missing-jobid.json"));
    Object validation = invalid.getClass().getMethod("validation").invoke(invalid);
    String problems = String.valueOf(validation.getClass().getMethod("problems").invoke(validation));
    assertTrue(problems.contains("JobId") && !problems.contains("INTERNAL"), problems);
  }
}
