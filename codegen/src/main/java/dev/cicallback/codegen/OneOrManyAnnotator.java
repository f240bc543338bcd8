package dev.cicallback.codegen;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JFieldVar;
import dev.cicallback.contract.OneOrMany;
import org.jsonschema2pojo.AbstractAnnotator;

/**
 * Marks every one-or-many field with {@code @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY)}, so any Jackson mapper
 * reads a single object or string into the {@code List} without further configuration.
 */
public final class OneOrManyAnnotator extends AbstractAnnotator {

  @Override
  public void propertyField(
      JFieldVar field, JDefinedClass clazz, String propertyName, JsonNode propertyNode) {
    if (OneOrMany.matches(propertyNode)) {
      field
          .annotate(JsonFormat.class)
          .param("with", JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }
  }
}
