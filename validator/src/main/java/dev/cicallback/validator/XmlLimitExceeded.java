package dev.cicallback.validator;

import org.xml.sax.SAXException;

/** Stops parsing when a payload passes one of the limits; the problem is already recorded. */
final class XmlLimitExceeded extends SAXException {

  XmlLimitExceeded(String message) {
    super(message);
  }
}
