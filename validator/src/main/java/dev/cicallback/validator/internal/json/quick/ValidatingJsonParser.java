package dev.cicallback.validator.internal.json.quick;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * A parser that tells the quick JSON pass every token it hands out, so that a binder reading it validates the
 * payload as it binds: the bytes are tokenised once. At the first doubt it stops the binder with {@link Doubt}, and
 * the full pass takes over.
 *
 * <p>Every way a binder moves through the document (each {@code next...} method and {@code skipChildren}) is
 * overridden here to go through {@link #nextToken}, whatever the delegate class would do, so no token escapes the
 * verdict; a test fails if a Jackson release adds a way this class does not override.
 */
public final class ValidatingJsonParser extends JsonParserDelegate {

  /** Thrown at the first token the quick pass doubts; carries no stack, since it only ends the binder's read. */
  public static final class Doubt extends IOException {
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

  public ValidatingJsonParser(JsonParser parser, JsonSchemaVerdict.Walk walk) {
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
  public String nextFieldName() throws IOException {
    return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
  }

  @Override
  public boolean nextFieldName(SerializableString name) throws IOException {
    return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
  }

  @Override
  public String nextTextValue() throws IOException {
    return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
  }

  @Override
  public int nextIntValue(int otherwise) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : otherwise;
  }

  @Override
  public long nextLongValue(long otherwise) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : otherwise;
  }

  @Override
  public Boolean nextBooleanValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
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
  public boolean conforms() throws IOException {
    return nextToken() == null && walk.complete();
  }
}
