package dev.cicallback.validator.internal.xml;

import org.xml.sax.SAXException;

/** Stops parsing when a payload passes one of the limits; the problem is already recorded. */
public final class XmlLimitExceeded extends SAXException {

  public XmlLimitExceeded(String message) {
    super(message);
  }
}
