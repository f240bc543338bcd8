package dev.cicallback.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.codemodel.JDefinedClass;
import org.jsonschema2pojo.Schema;
import org.jsonschema2pojo.rules.AdditionalPropertiesRule;
import org.jsonschema2pojo.rules.Rule;

/**
 * Gives every generated class a map of the members its schema does not declare, whatever the schema's
 * {@code additionalProperties} says.
 *
 * <p>The schemas close every object ({@code "additionalProperties": false}), so that strict validation refuses a node
 * the contract does not know; a tolerant reader must still keep such a node, in order, with its value, so that a
 * service that stores or forwards a callback never loses a field Tencent added. Validation, not the model, decides
 * what is allowed.
 */
public final class LosslessRuleFactory extends OneOrManyRuleFactory {

  @Override
  public Rule<JDefinedClass, JDefinedClass> getAdditionalPropertiesRule() {
    return new KeepUnknownMembers(this);
  }

  private static final class KeepUnknownMembers extends AdditionalPropertiesRule {
    KeepUnknownMembers(LosslessRuleFactory factory) {
      super(factory);
    }

    @Override
    public JDefinedClass apply(
        String nodeName, JsonNode node, JsonNode parent, JDefinedClass jclass, Schema schema) {
      // As if the schema said nothing: a Map<String, Object> of the other members, with any-getter and any-setter.
      return super.apply(nodeName, null, parent, jclass, schema);
    }
  }
}
