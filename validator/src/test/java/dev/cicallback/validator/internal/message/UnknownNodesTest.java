package dev.cicallback.validator.internal.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.TextPosition;
import org.junit.jupiter.api.Test;

/** The problems of nodes the contract does not know: how many attributes, and how many children are named. */
class UnknownNodesTest {

  private static final TextPosition AT = new TextPosition(3, 7);

  @Test
  void one_problem_names_the_first_attribute_and_counts_the_others() {
    Problem one = UnknownNodes.attributes("id", 1, ValidatorOptions.defaults(), AT, "/Response");
    Problem three = UnknownNodes.attributes("id", 3, ValidatorOptions.defaults(), AT, "/Response");

    assertEquals("unknown attribute id (not allowed in strict mode); callback elements carry none", one.message());
    assertEquals("unknown attribute id and 2 more (not allowed in strict mode); callback elements carry none",
        three.message());
    assertEquals(ProblemCode.UNKNOWN_NODE, three.code());
    assertEquals(3, three.line());
    assertEquals(7, three.column());
  }

  @Test
  void a_parent_of_many_children_names_twelve_and_counts_the_rest() {
    ContractTree.Node root = ContractTree.xml().root(); // EventName, JobsDetail, WorkflowExecution: all named
    ContractTree.Node operation = root.child("JobsDetail").child("Operation"); // many more than twelve
    String few = UnknownNodes.node("X", root, "Response", ValidatorOptions.defaults(), AT, "/Response/X").message();
    String many = UnknownNodes.node("X", operation, "Operation", ValidatorOptions.defaults(), AT, "/X").message();

    assertEquals("unknown node X in Response (not allowed in strict mode); the contract knows "
        + String.join(", ", root.childNames()), few);
    int rest = operation.childNames().size() - 12;
    assertEquals("unknown node X in Operation (not allowed in strict mode); the contract knows "
        + String.join(", ", operation.childNames().subList(0, 12)) + " and " + rest + " more (see generated-docs)",
        many);
  }
}
