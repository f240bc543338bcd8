package dev.cicallback.contract;

/**
 * A place where a schema uses a {@link RefusedConstruct}.
 *
 * @param construct what it uses
 * @param at where
 * @param detail the construct as written ({@code xs:attribute name="id"}, {@code minOccurs="2"})
 */
public record Refusal(RefusedConstruct construct, Location at, String detail) {

  @Override
  public String toString() {
    return at + ": " + detail + ": the contract may not use " + construct.what() + " (" + construct.name() + ")";
  }
}
