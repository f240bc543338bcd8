package dev.cicallback.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.codemodel.JClassContainer;
import com.sun.codemodel.JType;
import dev.cicallback.contract.OneOrMany;
import org.jsonschema2pojo.Schema;
import org.jsonschema2pojo.rules.Rule;
import org.jsonschema2pojo.rules.RuleFactory;
import org.jsonschema2pojo.rules.TypeRule;

/**
 * jsonschema2pojo rules that bind a one-or-many node ({@code oneOf: [X, array of X]}) to {@code List<X>}.
 *
 * <p>jsonschema2pojo ignores {@code oneOf} and would fall back to {@code Object}; see {@link OneOrMany}.
 */
public class OneOrManyRuleFactory extends RuleFactory {

  @Override
  public Rule<JClassContainer, JType> getTypeRule() {
    return new OneOrManyTypeRule(this);
  }

  private static final class OneOrManyTypeRule extends TypeRule {
    private final RuleFactory ruleFactory;

    OneOrManyTypeRule(RuleFactory ruleFactory) {
      super(ruleFactory);
      this.ruleFactory = ruleFactory;
    }

    @Override
    public JType apply(
        String nodeName, JsonNode node, JsonNode parent, JClassContainer container, Schema schema) {
      if (OneOrMany.matches(node)) {
        // Hand the array branch itself to the array rule, so that "items" resolves inside the document.
        String fragment = schema.getId() == null ? null : schema.getId().getFragment();
        Schema arraySchema =
            ruleFactory
                .getSchemaStore()
                .create(
                    schema,
                    "#" + (fragment == null ? "" : fragment) + "/oneOf/1",
                    ruleFactory.getGenerationConfig().getRefFragmentPathDelimiters());
        return ruleFactory
            .getArrayRule()
            .apply(nodeName, OneOrMany.many(node), parent, container.getPackage(), arraySchema);
      }
      return super.apply(nodeName, node, parent, container, schema);
    }
  }
}
