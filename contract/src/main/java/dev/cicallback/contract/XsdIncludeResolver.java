package dev.cicallback.contract;

import java.io.InputStream;
import java.io.Reader;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Serves the XSD files' {@code xs:include}s from this jar's classpath, so a {@code SchemaFactory} with every external
 * access switched off still compiles {@link SchemaFiles#CALLBACK_XSD}. Any other resource is refused.
 */
final class XsdIncludeResolver implements LSResourceResolver {

  @Override
  public LSInput resolveResource(
      String type, String namespaceUri, String publicId, String systemId, String baseUri) {
    String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
    if (!name.matches("[a-z0-9-]+\\.xsd")
        || SchemaFiles.class.getResource("/" + SchemaFiles.XML_DIR + name) == null) {
      throw new SecurityException("schema resource outside the contract refused: " + systemId);
    }
    return new ClasspathInput(SchemaFiles.XML_DIR + name);
  }

  private static final class ClasspathInput implements LSInput {
    private InputStream stream;
    private String systemId;

    ClasspathInput(String path) {
      this.stream = SchemaFiles.open(path);
      this.systemId = SchemaFiles.url(path).toString();
    }

    @Override public Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(Reader characterStream) {}
    @Override public InputStream getByteStream() { return stream; }
    @Override public void setByteStream(InputStream byteStream) { this.stream = byteStream; }
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String stringData) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String id) { this.systemId = id; }
    @Override public String getPublicId() { return null; }
    @Override public void setPublicId(String publicId) {}
    @Override public String getBaseURI() { return null; }
    @Override public void setBaseURI(String baseURI) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String encoding) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean certifiedText) {}
  }
}
