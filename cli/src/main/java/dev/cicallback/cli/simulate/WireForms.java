package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.validator.CallbackWriter;

/**
 * A callback's JSON tree written in either wire form by {@code CallbackWriter}, from the tree as it is: an edit that
 * the model could not hold (a value the contract refuses, a node it does not know, an empty text) is written as given,
 * never dropped. {@code BodyMakerTest} holds both forms to {@code CallbackWriter}'s writing of the model on every event.
 */
final class WireForms {

  private WireForms() {}

  static byte[] json(ObjectNode tree) {
    return CallbackWriter.toJson(tree);
  }

  /**
   * The XML form, or a refusal naming the node when the tree holds what XML cannot carry (a member name that is no
   * element name, an array in an array, a control character).
   */
  static byte[] xml(ObjectNode tree) throws PointerEdit.Refused {
    try {
      return CallbackWriter.toXml(tree);
    } catch (CallbackWriter.UnwritableAsXml e) {
      throw new PointerEdit.Refused(e.getMessage());
    }
  }
}
