package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one databind mapper that binds and writes the model: its caches of (de)serialisers are built once.
 *
 * <p>The contract lets a number node be a JSON string or a JSON number (CI writes both), and the model holds its
 * text. A JSON number becomes its canonical text: plain decimal digits, no exponent, no trailing zeros after the
 * point, no minus sign on zero ({@code 1e1}, {@code 10.0} and {@code 1.00e1} all become {@code 10}, {@code -0} becomes
 * {@code 0}, {@code 1.50} becomes {@code 1.5}). That is the form the XSD's patterns accept and {@code Integer.parseInt}
 * or {@code new BigDecimal} read, so a callback read from JSON converts to XML and back and stays valid. Numbers in
 * nodes the contract does not know keep their exact value ({@link BigDecimal} for fractions).
 */
public final class ModelMapper {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .addModule(new SimpleModule("canonical-number-text").addDeserializer(String.class, new NumberText()))
          .build();

  private ModelMapper() {}

  /** The canonical text of a JSON number (see the class comment). */
  public static String canonical(BigDecimal number) {
    if (number.signum() == 0) {
      return "0";
    }
    return number.stripTrailingZeros().toPlainString();
  }

  /** Text nodes of the model: a JSON number as its canonical text, everything else as Jackson reads strings. */
  private static final class NumberText extends StdScalarDeserializer<String> {
    NumberText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return canonical(parser.getDecimalValue());
      }
      return StringDeserializer.instance.deserialize(parser, context);
    }
  }
}
