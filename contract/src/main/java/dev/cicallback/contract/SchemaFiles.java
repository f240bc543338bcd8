package dev.cicallback.contract;

import java.io.InputStream;
import java.net.URL;
import java.util.Objects;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/**
 * The contract's schema files as this jar packages them, so validators load them offline: the hand-written XSD and
 * JSON Schema of {@code schema/}, byte for byte.
 *
 * <p>The XSD entry points include their siblings by relative name; the JSON Schema files refer to each other through
 * their {@code $id}s under {@link #JSON_ID_PREFIX}, which map one-to-one onto {@link #JSON_DIR}.
 */
public final class SchemaFiles {

  /** Classpath folder of the contract: {@code xml/} and {@code json/} below it. */
  public static final String ROOT = "dev/cicallback/schema/";

  /** Classpath folder of the XSD files. */
  public static final String XML_DIR = ROOT + "xml/";

  /** Classpath folder of the JSON Schema files. */
  public static final String JSON_DIR = ROOT + "json/";

  /** Entry XSD of every callback (root element {@code Response}): the contract the validator applies. */
  public static final String CALLBACK_XSD = "callback.xsd";

  /** Entry JSON Schema of every callback. */
  public static final String CALLBACK_JSON_SCHEMA = "callback.schema.json";

  /** Entry XSD of TTS callbacks alone, stricter for them (Tag Tts, TtsConfig and Output required). */
  public static final String TTS_XSD = "tts-callback.xsd";

  /** Entry JSON Schema of TTS callbacks alone. */
  public static final String TTS_JSON_SCHEMA = "tts-callback.schema.json";

  /**
   * Entry XSD of a content-moderation callback in its Detail form (root element {@code Response}: EventName
   * ReviewImage, ..., and JobsDetail): the contract's XML reading of a body CI sends as JSON only.
   */
  public static final String MODERATION_DETAIL_XSD = "moderation-detail.xsd";

  /** Entry JSON Schema of a content-moderation callback in its Detail form. */
  public static final String MODERATION_DETAIL_JSON_SCHEMA = "moderation-detail.schema.json";

  /**
   * Entry XSD of a content-moderation callback in its Simple form (root element {@code Response}: code, message,
   * data): the contract's XML reading of a body CI sends as JSON only.
   */
  public static final String MODERATION_SIMPLE_XSD = "moderation-simple.xsd";

  /** Entry JSON Schema of a content-moderation callback in its Simple form. */
  public static final String MODERATION_SIMPLE_JSON_SCHEMA = "moderation-simple.schema.json";

  /**
   * The JSON Schema keywords of the contract's own, which annotate and never constrain: the Chinese description, the
   * contract's version, and the code generator's type names. A JSON Schema validator should know them as annotations.
   */
  public static final java.util.Set<String> JSON_ANNOTATION_KEYWORDS =
      java.util.Set.of("x-description-zh", "x-contract-version", "javaType", "existingJavaType");

  /** Prefix of every {@code $id} in the JSON Schema files. */
  public static final String JSON_ID_PREFIX = "https://cicallback.dev/schema/json/";

  private SchemaFiles() {}

  /** The {@code $id} of the JSON Schema file {@code name}, e.g. {@link #CALLBACK_JSON_SCHEMA}. */
  public static String jsonSchemaId(String name) {
    return JSON_ID_PREFIX + name;
  }

  /** A schema file of this jar by classpath path, e.g. {@code XML_DIR + "common.xsd"}. */
  public static URL url(String path) {
    return Objects.requireNonNull(
        SchemaFiles.class.getResource("/" + path), () -> "no schema resource " + path);
  }

  /** Opens a schema file of this jar by classpath path. */
  public static InputStream open(String path) {
    return Objects.requireNonNull(
        SchemaFiles.class.getResourceAsStream("/" + path), () -> "no schema resource " + path);
  }

  /**
   * A resolver that serves the XSD files' {@code xs:include}s from this jar and refuses any other resource: set it on
   * a {@code ValidatorHandler} or {@code Validator} of a schema from {@link #newXsdSchema}.
   */
  public static org.w3c.dom.ls.LSResourceResolver includeResolver() {
    return new XsdIncludeResolver();
  }

  /**
   * Compiles the entry XSD {@code name} ({@link #CALLBACK_XSD}, {@link #TTS_XSD}, {@link #MODERATION_DETAIL_XSD}, {@link #MODERATION_SIMPLE_XSD}) from this jar with
   * {@link SecureXml#schemas()}: its includes come from this jar and nothing else resolves.
   *
   * @throws IllegalStateException if the packaged XSD does not compile (a broken build)
   */
  public static Schema newXsdSchema(String name) {
    try {
      javax.xml.validation.SchemaFactory factory = SecureXml.schemas();
      factory.setResourceResolver(new XsdIncludeResolver());
      String entry = XML_DIR + name;
      StreamSource source = new StreamSource(open(entry));
      source.setSystemId(url(entry).toString());
      return factory.newSchema(source);
    } catch (SAXException e) {
      throw new IllegalStateException("the packaged XSD does not compile", e);
    }
  }
}
