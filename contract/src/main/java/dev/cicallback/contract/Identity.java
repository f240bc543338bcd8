package dev.cicallback.contract;

import java.util.List;

/**
 * An identity constraint an XSD element declares: {@code xs:unique} (each field matches at most one node) or
 * {@code xs:key} (each field matches exactly one node), over the nodes its selector picks.
 *
 * @param name the constraint's name
 * @param key whether it is an {@code xs:key}
 * @param selector the selector's XPath ({@code .} in the schemas the validator applies)
 * @param fields the fields' XPaths, paths of child names
 */
public record Identity(String name, boolean key, String selector, List<String> fields) {
  public Identity {
    fields = List.copyOf(fields);
  }
}
