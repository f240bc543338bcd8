package dev.cicallback.validator.internal.tag;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Gives a {@link JobWatch} the elements and text of an XML pass (the quick verdict's, the parser's). */
public final class XmlJobEvents extends DefaultHandler {

  private final JobWatch<?> watch;

  public XmlJobEvents(JobWatch<?> watch) {
    this.watch = watch;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    watch.start(qName);
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    watch.end();
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (watch.wantsText()) {
      watch.text(new String(ch, start, length));
    }
  }
}
