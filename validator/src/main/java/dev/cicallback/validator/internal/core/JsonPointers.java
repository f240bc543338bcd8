package dev.cicallback.validator.internal.core;

/** RFC 6901 JSON Pointer building. */
public final class JsonPointers {

  private JsonPointers() {}

  /** {@code parent} extended by one reference token, escaped. */
  public static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The last reference token, unescaped; empty for the root. */
  public static String lastToken(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }
}
