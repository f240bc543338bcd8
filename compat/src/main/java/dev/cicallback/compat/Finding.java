package dev.cicallback.compat;

import dev.cicallback.contract.Location;
import java.util.List;
import java.util.Optional;

/**
 * One difference between two contracts.
 *
 * @param rule what kind of difference
 * @param contract the entry it is in: the file name's stem shared by the two forms ({@code callback} for
 *     {@code xml/callback.xsd} and {@code json/callback.schema.json})
 * @param xmlPath the node in XML terms: element names from the root element ({@code /Response/JobsDetail/Tag})
 * @param jsonPointer the node as a JSON Pointer from the root object ({@code /JobsDetail/Tag}; {@code ""} is the
 *     root); a repeated node's items are not numbered
 * @param form where the difference was seen: one form, or both
 * @param oldLocations where the node is declared in OLD, if it is: one place per form, the XSD's first
 * @param newLocations where the node is declared in NEW, if it is: one place per form, the XSD's first
 * @param breaksBackward whether a reader on NEW refuses some payload valid under OLD
 * @param breaksForward whether a reader on OLD refuses some payload valid under NEW
 * @param message what the difference means for payloads, in a sentence
 */
public record Finding(
    Rule rule,
    String contract,
    String xmlPath,
    String jsonPointer,
    Form form,
    List<Location> oldLocations,
    List<Location> newLocations,
    boolean breaksBackward,
    boolean breaksForward,
    String message) {

  public Finding {
    oldLocations = List.copyOf(oldLocations);
    newLocations = List.copyOf(newLocations);
  }

  /** Whether this finding fails {@code check}. */
  public boolean breaks(Check check) {
    return switch (check) {
      case BACKWARD -> breaksBackward;
      case FORWARD -> breaksForward;
      case FULL -> breaksBackward || breaksForward;
    };
  }

  /** The place to show: the new declaration, or the old one for a node that is gone. */
  public Optional<Location> location() {
    return (newLocations.isEmpty() ? oldLocations : newLocations).stream().findFirst();
  }
}
