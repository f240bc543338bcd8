package dev.cicallback.validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * A parser that tells the quick JSON pass every token it hands out, so that a binder reading it validates the
 * payload as it binds: the bytes are tokenised once. At the first doubt it stops the binder with {@link Doubt}, and
 * the full pass takes over.
 *
 * <p>Every way a binder moves through the document ({@code nextToken}, {@code nextValue}, {@code nextFieldName} and
 * the other {@code next...} methods, which {@link JsonParser} builds on {@code nextToken}, and {@code skipChildren})
 * goes through {@link #nextToken}, so no token escapes the verdict.
 */
final class ValidatingJsonParser extends JsonParserDelegate {

  /** Thrown at the first token the quick pass doubts; carries no stack, since it only ends the binder's read. */
  static final class Doubt extends IOException {
    private static final long serialVersionUID = 1L;

    Doubt() {
      super("the quick pass doubts the payload");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private final JsonSchemaVerdict.Walk walk;

  ValidatingJsonParser(JsonParser parser, JsonSchemaVerdict.Walk walk) {
    super(parser);
    this.walk = walk;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token != null && !walk.token(token, delegate)) {
      throw new Doubt();
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken current = currentToken();
    if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken token = nextToken();
      if (token == null) {
        break;
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  /** After the binder is done: whether the document was read to its end, with nothing after it, and conforms. */
  boolean conforms() throws IOException {
    return nextToken() == null && walk.complete();
  }
}
