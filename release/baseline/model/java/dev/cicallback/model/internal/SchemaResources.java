package dev.cicallback.model.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.Objects;

/**
 * Where the contract's schemas live on the classpath of this jar, so validators load them offline.
 *
 * <p>The XSD entry point includes its siblings by relative name; the JSON Schema files refer to each other through
 * their {@code $id}s under {@link #JSON_ID_PREFIX}, which map one-to-one onto {@link #JSON_DIR}.
 */
public final class SchemaResources {

  /** Classpath folder of the XSD files. */
  public static final String XML_DIR = "dev/cicallback/schema/xml/";

  /** Classpath folder of the JSON Schema files. */
  public static final String JSON_DIR = "dev/cicallback/schema/json/";

  /** Entry XSD of every callback (root element {@code Response}): the contract the validator applies. */
  public static final String CALLBACK_XSD = "callback.xsd";

  /** Entry JSON Schema of every callback. */
  public static final String CALLBACK_JSON_SCHEMA = "callback.schema.json";

  /** Entry XSD of TTS callbacks alone, stricter for them (Tag Tts, TtsConfig and Output required). */
  public static final String TTS_XSD = "tts-callback.xsd";

  /** Entry JSON Schema of TTS callbacks alone. */
  public static final String TTS_JSON_SCHEMA = "tts-callback.schema.json";

  /** Prefix of every {@code $id} in the JSON Schema files. */
  public static final String JSON_ID_PREFIX = "https://cicallback.dev/schema/json/";

  private SchemaResources() {}

  /** The {@code $id} of the JSON Schema file {@code name}, e.g. {@link #CALLBACK_JSON_SCHEMA}. */
  public static String jsonSchemaId(String name) {
    return JSON_ID_PREFIX + name;
  }

  /** A schema file of this jar by classpath path, e.g. {@code XML_DIR + "common.xsd"}. */
  public static URL url(String path) {
    return Objects.requireNonNull(
        SchemaResources.class.getClassLoader().getResource(path), () -> "no schema resource " + path);
  }

  /**
   * Compiles the entry XSD {@code name} ({@link #CALLBACK_XSD} or {@link #TTS_XSD}) from this jar with the JDK's own validator (never one a library on the class path
   * registers, and no search of the class path for one), hardened: secure processing on, no
   * external DTD or schema access; the XSD's includes come from this jar through {@link XsdIncludeResolver}.
   *
   * @throws IllegalStateException if the packaged XSD does not compile (a broken build)
   */
  public static javax.xml.validation.Schema newXsdSchema(String name) {
    try {
      javax.xml.validation.SchemaFactory factory =
          javax.xml.validation.SchemaFactory.newDefaultInstance();
      factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setResourceResolver(new XsdIncludeResolver());
      String entry = XML_DIR + name;
      javax.xml.transform.stream.StreamSource source = new javax.xml.transform.stream.StreamSource(open(entry));
      source.setSystemId(url(entry).toString());
      return factory.newSchema(source);
    } catch (org.xml.sax.SAXException e) {
      throw new IllegalStateException("the packaged XSD does not compile", e);
    }
  }

  /** Opens a schema file of this jar by classpath path. */
  public static InputStream open(String path) {
    return Objects.requireNonNull(
        SchemaResources.class.getClassLoader().getResourceAsStream(path),
        () -> "no schema resource " + path);
  }
}
