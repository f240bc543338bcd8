package dev.cicallback.contract;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The one place the project's XML factories are made and hardened, for schema files and payloads alike: always the
 * JDK's own implementations (never one a library on the class path registers, whose hardening may differ, and no
 * search of the class path for one), with secure processing on, no DTD, no external entity, no external DTD or
 * schema access and no XInclude. Callers add only what is theirs (a payload's limits, a resolver).
 */
public final class SecureXml {

  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  private SecureXml() {}

  /** A namespace-aware, non-validating SAX parser factory. */
  public static SAXParserFactory saxParsers() {
    return saxParsers(true);
  }

  /** A non-validating SAX parser factory, namespace-aware or not. */
  public static SAXParserFactory saxParsers(boolean namespaceAware) {
    try {
      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(namespaceAware);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot harden the XML parser", e);
    }
  }

  /** A StAX reader factory: no DTD, no external entity, namespace-aware. */
  public static XMLInputFactory streamReaders() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /** An XSD schema factory with no external access: a schema's own includes come only through a resolver. */
  public static SchemaFactory schemas() {
    try {
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory;
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException("cannot harden the XSD schema factory", e);
    }
  }
}
