package dev.cicallback.validator.internal.xml;

import org.xml.sax.SAXException;

/** Stops parsing at a fault the payload cannot be read past (a limit, a name that is not a QName); already recorded. */
public final class XmlRefused extends SAXException {

  public XmlRefused(String message) {
    super(message);
  }
}
