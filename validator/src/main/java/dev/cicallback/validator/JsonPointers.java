package dev.cicallback.validator;

/** RFC 6901 JSON Pointer building. */
final class JsonPointers {

  private JsonPointers() {}

  /** {@code parent} extended by one reference token, escaped. */
  static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The last reference token, unescaped; empty for the root. */
  static String lastToken(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }
}
