package dev.cicallback.validator.internal.tag;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.validator.internal.core.JsonPointers;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Gives a {@link JobWatch} the nodes of a JSON payload: as a parser hands out its tokens ({@link #watching}), so a
 * quick pass reading the parser feeds the watch on the same tokens, or from a tree with each node's JSON Pointer
 * ({@link #walk}) for the full pass. A member is a node, and so is each item of an array it holds.
 */
public final class JsonJobEvents {

  private JsonJobEvents() {}

  /**
   * A parser that tells {@code watch} every token {@code parser} hands out, whoever reads it (the verdict's loop, or
   * the quick pass's own parser and the binder behind it: both move through {@code nextToken}, which this
   * overrides).
   */
  public static JsonParser watching(JsonParser parser, JobWatch<?> watch) {
    return new Watching(parser, watch);
  }

  private static final class Watching extends JsonParserDelegate {
    private final JobWatch<?> watch;
    /** Open containers, innermost last: whether each is an array, and the member name that holds it. */
    private boolean[] arrays = new boolean[8];
    private String[] names = new String[8];
    private int depth;
    private String member = "";

    Watching(JsonParser parser, JobWatch<?> watch) {
      super(parser);
      this.watch = watch;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (token != null) {
        token(token);
      }
      return token;
    }

    private void token(JsonToken token) throws IOException {
      switch (token) {
        case FIELD_NAME -> member = delegate.currentName();
        case START_OBJECT -> {
          String name = name();
          push(false, name);
          watch.start(name);
        }
        case END_OBJECT -> {
          depth--;
          watch.end();
        }
        case START_ARRAY -> push(true, name());
        case END_ARRAY -> depth--;
        default -> {
          watch.start(name());
          if (watch.wantsText()) {
            watch.text(delegate.getText());
          }
          watch.end();
        }
      }
    }

    /** The name of the value starting now: its member's, or the array's that holds it; "" for the root. */
    private String name() {
      return depth == 0 ? "" : arrays[depth - 1] ? names[depth - 1] : member;
    }

    private void push(boolean array, String name) {
      if (depth == arrays.length) {
        arrays = java.util.Arrays.copyOf(arrays, depth * 2);
        names = java.util.Arrays.copyOf(names, depth * 2);
      }
      arrays[depth] = array;
      names[depth++] = name;
    }
  }

  /**
   * Gives {@code watch} the nodes of {@code root} in document order; {@code pointers}, which the watch's places read,
   * holds the JSON Pointer of the node that starts.
   */
  public static void walk(JsonNode root, JobWatch<?> watch, String[] pointers) {
    value(root, "", "", watch, pointers);
  }

  private static void node(JsonNode node, String name, String pointer, JobWatch<?> watch, String[] pointers) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        node(node.get(i), name, JsonPointers.child(pointer, i), watch, pointers);
      }
    } else {
      value(node, name, pointer, watch, pointers);
    }
  }

  private static void value(JsonNode node, String name, String pointer, JobWatch<?> watch, String[] pointers) {
    pointers[0] = pointer;
    watch.start(name);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        node(member.getValue(), member.getKey(), JsonPointers.child(pointer, member.getKey()), watch, pointers);
      }
    } else if (watch.wantsText()) {
      watch.text(node.asText());
    }
    watch.end();
  }
}
