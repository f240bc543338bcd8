package dev.cicallback.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract, read once: the normalized trees of its XSD form and of its JSON Schema form, and the version both
 * state. Every other part of the project asks this type instead of reading the schema files: the validator's
 * messages and tree builder, the docs generator, {@code ci-callback diff}, {@code --version}, code generation.
 *
 * <p>An entry is a schema file a payload is validated against: {@code callback} ({@code xml/callback.xsd},
 * {@code json/callback.schema.json}), the union of every Tag, the per-Tag entries ({@code tts-callback}), which
 * hold a job of their Tag to more ({@link #tagRequirements}), and the content-moderation entries
 * {@code moderation-detail} and {@code moderation-simple} (each form of a moderation callback:
 * {@link #MODERATION_DETAIL}, {@link #MODERATION_SIMPLE}). Its XSD form may declare several root elements; its JSON
 * Schema form has one root, named "".
 */
public final class Contract {

  /** The entry of every job and workflow callback. */
  public static final String CALLBACK = "callback";

  /** The entry of a content-moderation callback in its Detail form ({@code EventName} ReviewImage, ...). */
  public static final String MODERATION_DETAIL = "moderation-detail";

  /** The entry of a content-moderation callback in its Simple form ({@code code}, {@code message}, {@code data}). */
  public static final String MODERATION_SIMPLE = "moderation-simple";

  private static volatile Contract packaged;

  private final Optional<ContractVersion> version;
  private final Form<Map<String, Map<String, ContractNode>>> xsd;
  private final Form<Map<String, ContractNode>> jsonSchema;
  private final List<Refusal> refusals;
  private final Form<Map<String, List<TagRequirement>>> xsdTagRequirements;
  private final Form<Map<String, List<TagRequirement>>> jsonTagRequirements;

  private Contract(Optional<ContractVersion> version, Map<String, Map<String, ContractNode>> xsd,
      Map<String, ContractNode> jsonSchema, List<Refusal> refusals) {
    Map<String, Map<String, ContractNode>> xsdTrees = Map.copyOf(xsd);
    Map<String, ContractNode> jsonTrees = Map.copyOf(jsonSchema);
    this.version = version;
    this.xsd = new Form<>(() -> xsdTrees);
    this.jsonSchema = new Form<>(() -> jsonTrees);
    this.refusals = List.copyOf(refusals);
    this.xsdTagRequirements = new Form<>(() -> deriveTagRequirements(SchemaForm.XSD));
    this.jsonTagRequirements = new Form<>(() -> deriveTagRequirements(SchemaForm.JSON_SCHEMA));
  }

  /**
   * The packaged contract: each form read from its file when first asked, and each form's Tag requirements from
   * that file's header alone, so a validator asks them without reading a tree.
   */
  private Contract(ContractVersion version) {
    this.version = Optional.of(version);
    this.xsd = new Form<>(() -> ContractFile.packaged(SchemaForm.XSD).xsd());
    this.jsonSchema = new Form<>(() -> ContractFile.packaged(SchemaForm.JSON_SCHEMA).jsonSchema());
    this.refusals = List.of();
    this.xsdTagRequirements = new Form<>(() -> ContractFile.packagedTagRequirements(SchemaForm.XSD));
    this.jsonTagRequirements = new Form<>(() -> ContractFile.packagedTagRequirements(SchemaForm.JSON_SCHEMA));
  }

  /** One form's trees, made once, when first asked. */
  private static final class Form<T> {
    private final java.util.function.Supplier<T> read;
    private volatile T value;

    Form(java.util.function.Supplier<T> read) {
      this.read = read;
    }

    T get() {
      T result = value;
      if (result == null) {
        synchronized (this) {
          result = value;
          if (result == null) {
            result = read.get();
            value = result;
          }
        }
      }
      return result;
    }
  }

  /**
   * The contract in {@code folder}, laid out like {@code schema/}: {@code xml/*.xsd} and {@code json/*.schema.json}
   * (either may be missing).
   *
   * @throws UnreadableSchemaException when a file cannot be read; the message names the file and line
   */
  public static Contract of(Path folder) throws UnreadableSchemaException {
    return read(SchemaSource.folder(folder));
  }

  /**
   * The contract this jar packages ({@link SchemaFiles}), read once and shared; it is immutable. The build reads
   * {@code schema/} and packages the result, so this reads one compact file per form, when that form is first
   * asked for; a jar built without that step reads the packaged schema files instead.
   */
  public static Contract packaged() {
    Contract contract = packaged;
    if (contract == null) {
      synchronized (Contract.class) {
        contract = packaged;
        if (contract == null) {
          try {
            contract = ContractFile.isPackaged() ? new Contract(packagedVersion())
                : read(SchemaSource.packaged());
          } catch (UnreadableSchemaException e) {
            throw new IllegalStateException("the packaged contract cannot be read: " + e.getMessage(), e);
          }
          packaged = contract;
        }
      }
    }
    return contract;
  }

  /** The version of the contract this jar packages, read alone (cheaper than {@link #packaged()}). */
  public static ContractVersion packagedVersion() {
    ContractVersion compiled = ContractFile.packagedVersion();
    if (compiled != null) {
      return compiled;
    }
    try {
      return ContractVersion.of(SchemaSource.packaged());
    } catch (UnreadableSchemaException e) {
      throw new IllegalStateException("the packaged contract states no version: " + e.getMessage(), e);
    }
  }

  /** A contract read from its packaged form ({@link ContractFile}): no refusals, the build checked them. */
  static Contract of(Optional<ContractVersion> version, Map<String, Map<String, ContractNode>> xsd,
      Map<String, ContractNode> jsonSchema) {
    return new Contract(version, xsd, jsonSchema, List.of());
  }

  private static Contract read(SchemaSource source) throws UnreadableSchemaException {
    List<Refusal> refusals = new ArrayList<>();
    Map<String, Map<String, ContractNode>> xsd = XsdReader.read(source, refusals);
    Map<String, ContractNode> jsonSchema = JsonSchemaReader.read(source, refusals);
    Optional<ContractVersion> version;
    try {
      version = Optional.of(ContractVersion.of(source));
    } catch (UnreadableSchemaException e) {
      version = Optional.empty();
    }
    return new Contract(version, xsd, jsonSchema, refusals);
  }

  /**
   * The places where the schemas use a construct the contract may not use ({@link RefusedConstruct}), in the order
   * the files were read; empty for a contract the project can build on. A folder with refusals is still read, so that
   * {@code ci-callback diff} can compare any two contracts.
   */
  public List<Refusal> refusals() {
    return refusals;
  }

  /**
   * The version both forms state, empty when the entries state none or disagree ({@link ContractVersion#of} says
   * why); the packaged contract always has one.
   */
  public Optional<ContractVersion> version() {
    return version;
  }

  /** The XSD form: entry name to its root elements by name; empty when the contract has no XSD form. */
  public Map<String, Map<String, ContractNode>> xsd() {
    return xsd.get();
  }

  /** The JSON Schema form: entry name to its root; empty when the contract has no JSON Schema form. */
  public Map<String, ContractNode> jsonSchema() {
    return jsonSchema.get();
  }

  /**
   * What a job of each Tag with a per-Tag entry ({@code <tag>-callback.xsd}, {@code .schema.json}: an entry whose
   * {@code JobsDetail/Tag} takes one value) must carry beyond what the union entry ({@code callback}) requires, in
   * {@code form}: Tag to its requirements, Tags in name order; empty when no entry is per-Tag. Derived from the trees
   * ({@link TagRequirement}); the two forms of the packaged contract give the same.
   */
  public Map<String, List<TagRequirement>> tagRequirements(SchemaForm form) {
    return form == SchemaForm.XSD ? xsdTagRequirements.get() : jsonTagRequirements.get();
  }

  private Map<String, List<TagRequirement>> deriveTagRequirements(SchemaForm form) {
    Map<String, ContractNode> roots = new java.util.TreeMap<>();
    if (form == SchemaForm.XSD) {
      xsd().forEach((entry, elements) -> elements.values().stream().findFirst().ifPresent(r -> roots.put(entry, r)));
    } else {
      roots.putAll(jsonSchema());
    }
    return java.util.Collections.unmodifiableMap(TagRequirement.of(roots));
  }

  /**
   * The root of {@code entry} in {@code form}: for the XSD form its first root element ({@code Response}).
   *
   * @throws IllegalArgumentException when the contract has no such entry in that form
   */
  public ContractNode root(SchemaForm form, String entry) {
    ContractNode root = switch (form) {
      case XSD -> xsd().getOrDefault(entry, Map.of()).values().stream().findFirst().orElse(null);
      case JSON_SCHEMA -> jsonSchema().get(entry);
    };
    if (root == null) {
      throw new IllegalArgumentException("the contract has no entry " + entry + " in its " + form + " form");
    }
    return root;
  }
}
