package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cicallback.contract.ContentModel;
import dev.cicallback.contract.ContentModel.All;
import dev.cicallback.contract.ContentModel.Choice;
import dev.cicallback.contract.ContentModel.Element;
import dev.cicallback.contract.ContentModel.Sequence;
import dev.cicallback.contract.ContractNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which children may come next, worked out from content models made for the purpose: sequences, choices and
 * {@code all} groups, with occurrence limits reached exactly, not yet and exceeded, listed in the order the schema
 * writes the particles that would take them.
 */
class ContentOrderTest {

  private static final long UNBOUNDED = ContractNode.UNBOUNDED;

  private static Element one(String name) {
    return new Element(name, 1, 1);
  }

  private static Element optional(String name) {
    return new Element(name, 0, 1);
  }

  private static Sequence sequence(ContentModel... parts) {
    return new Sequence(List.of(parts), 1, 1);
  }

  private static List<String> next(ContentModel model, String... seen) {
    return ContentOrder.next(model, List.of(seen));
  }

  @Test
  void no_model_allows_nothing() {
    assertEquals(List.of(), ContentOrder.next(null, List.of()));
    assertEquals(List.of(), ContentOrder.next(null, List.of("a")));
  }

  @Test
  void a_sequence_allows_its_parts_in_order() {
    Sequence model = sequence(one("a"), optional("b"), one("c"));

    assertEquals(List.of("a"), next(model));
    assertEquals(List.of("b", "c"), next(model, "a"));
    assertEquals(List.of("c"), next(model, "a", "b"));
    assertEquals(List.of(), next(model, "a", "b", "c"));
    assertEquals(List.of(), next(model, "a", "c", "b"));
    // A start the model cannot begin with: nothing can follow it.
    assertEquals(List.of(), next(model, "b"));
    assertEquals(List.of(), next(model, "c"));
    assertEquals(List.of(), next(model, "x"));
  }

  @Test
  void a_single_element_as_the_whole_model() {
    Element model = one("a");

    assertEquals(List.of("a"), next(model));
    assertEquals(List.of(), next(model, "a"));

    Element repeated = new Element("a", 2, 3);
    assertEquals(List.of("a"), next(repeated, "a"));
    assertEquals(List.of("a"), next(repeated, "a", "a"));
    assertEquals(List.of(), next(repeated, "a", "a", "a"));
  }

  @Test
  void names_come_in_the_order_of_the_particles_not_of_the_alphabet() {
    Sequence model = sequence(one("z"), new Choice(List.of(one("m"), one("b"), one("k")), 1, 1), optional("a"));

    assertEquals(List.of("z"), next(model));
    assertEquals(List.of("m", "b", "k"), next(model, "z"));
    assertEquals(List.of("a"), next(model, "z", "b"));
    assertEquals(List.of(), next(model, "z", "b", "m"));
  }

  @Test
  void a_name_written_twice_is_listed_where_the_particle_that_takes_it_stands() {
    // a is the first particle and the last; only the last can follow b.
    Sequence model = sequence(optional("a"), one("b"), optional("c"), optional("a"));

    assertEquals(List.of("a", "b"), next(model));
    assertEquals(List.of("b"), next(model, "a"));
    assertEquals(List.of("c", "a"), next(model, "b"));
    assertEquals(List.of("c", "a"), next(model, "a", "b"));
    assertEquals(List.of("a"), next(model, "a", "b", "c"));
    assertEquals(List.of(), next(model, "a", "b", "c", "a"));
    assertEquals(List.of(), next(model, "b", "a", "c"));
  }

  @Test
  void max_occurs_reached_exactly_and_exceeded() {
    Sequence model = sequence(new Element("a", 1, 3), one("b"));

    assertEquals(List.of("a"), next(model));
    assertEquals(List.of("a", "b"), next(model, "a"));
    assertEquals(List.of("a", "b"), next(model, "a", "a"));
    assertEquals(List.of("b"), next(model, "a", "a", "a"));
    assertEquals(List.of(), next(model, "a", "a", "a", "a"));
    assertEquals(List.of(), next(model, "a", "a", "a", "b"));
  }

  @Test
  void min_occurs_not_yet_reached_keeps_what_follows_out() {
    Sequence model = sequence(new Element("a", 2, 3), one("b"));

    assertEquals(List.of("a"), next(model));
    assertEquals(List.of("a"), next(model, "a"));
    assertEquals(List.of("a", "b"), next(model, "a", "a"));
    assertEquals(List.of("b"), next(model, "a", "a", "a"));
    assertEquals(List.of(), next(model, "a", "b"));
  }

  @Test
  void min_occurs_equal_to_max_occurs() {
    Sequence model = sequence(new Element("a", 3, 3), optional("b"));

    assertEquals(List.of("a"), next(model, "a"));
    assertEquals(List.of("a"), next(model, "a", "a"));
    assertEquals(List.of("b"), next(model, "a", "a", "a"));
    assertEquals(List.of(), next(model, "a", "a", "a", "a"));
  }

  @Test
  void unbounded_elements_repeat_past_any_count() {
    Sequence model = sequence(new Element("a", 0, UNBOUNDED), one("b"));

    assertEquals(List.of("a", "b"), next(model));
    assertEquals(List.of("a", "b"), next(model, "a", "a", "a", "a", "a", "a", "a", "a", "a", "a"));
    assertEquals(List.of(), next(model, "a", "b"));
  }

  @Test
  void an_optional_element_whose_max_is_zero_takes_nothing() {
    Sequence model = sequence(new Element("a", 0, 0), one("b"));

    assertEquals(List.of("b"), next(model));
    assertEquals(List.of(), next(model, "a"));
  }

  @Test
  void a_repeated_choice_takes_its_branches_in_any_order() {
    Sequence model = sequence(new Choice(List.of(one("a"), one("b")), 1, UNBOUNDED), one("c"));

    assertEquals(List.of("a", "b"), next(model));
    assertEquals(List.of("a", "b", "c"), next(model, "a"));
    assertEquals(List.of("a", "b", "c"), next(model, "b", "a", "b", "b", "a"));
    assertEquals(List.of(), next(model, "c"));
  }

  @Test
  void a_choice_at_its_max_occurs() {
    Sequence model = sequence(new Choice(List.of(one("a"), one("b")), 1, 2), one("c"));

    assertEquals(List.of("a", "b", "c"), next(model, "b"));
    assertEquals(List.of("c"), next(model, "b", "a"));
    assertEquals(List.of(), next(model, "b", "a", "a"));
  }

  @Test
  void an_optional_choice_may_be_passed_over() {
    Sequence model = sequence(new Choice(List.of(one("a"), one("b")), 0, 1), one("c"));

    assertEquals(List.of("a", "b", "c"), next(model));
    assertEquals(List.of("c"), next(model, "a"));
    assertEquals(List.of(), next(model, "a", "b"));
  }

  @Test
  void a_choice_of_sequences_follows_the_branch_begun() {
    Choice model = new Choice(List.of(sequence(one("a"), one("b")), sequence(one("a"), one("c")), one("d")), 1, 1);

    assertEquals(List.of("a", "d"), next(model));
    assertEquals(List.of("b", "c"), next(model, "a"));
    assertEquals(List.of(), next(model, "a", "b"));
    assertEquals(List.of(), next(model, "d"));
  }

  @Test
  void a_repeated_sequence_must_be_completed_each_time() {
    Sequence model = sequence(new Sequence(List.of(one("a"), one("b")), 2, 2), one("c"));

    assertEquals(List.of("a"), next(model));
    assertEquals(List.of("b"), next(model, "a"));
    assertEquals(List.of("a"), next(model, "a", "b"));
    assertEquals(List.of("b"), next(model, "a", "b", "a"));
    assertEquals(List.of("c"), next(model, "a", "b", "a", "b"));
    assertEquals(List.of(), next(model, "a", "b", "a", "b", "a"));
    assertEquals(List.of(), next(model, "a", "b", "c"));
  }

  @Test
  void an_optional_sequence_may_be_passed_over_but_not_left_half_done() {
    Sequence model = sequence(new Sequence(List.of(one("a"), one("b")), 0, 1), one("c"));

    assertEquals(List.of("a", "c"), next(model));
    assertEquals(List.of("b"), next(model, "a"));
    assertEquals(List.of("c"), next(model, "a", "b"));
    assertEquals(List.of(), next(model, "a", "c"));
  }

  @Test
  void a_repeated_sequence_of_optional_parts_reaches_its_min_occurs_with_nothing() {
    // Three occurrences that may each be empty: c may come first, a any number of times before it.
    Sequence model = sequence(new Sequence(List.of(optional("a")), 3, UNBOUNDED), one("c"));

    assertEquals(List.of("a", "c"), next(model));
    assertEquals(List.of("a", "c"), next(model, "a"));
    assertEquals(List.of("a", "c"), next(model, "a", "a", "a", "a"));
    assertEquals(List.of(), next(model, "c"));
  }

  @Test
  void a_repeated_sequence_of_optional_parts_with_a_small_max() {
    Sequence model = sequence(new Sequence(List.of(optional("a"), optional("b")), 1, 2), one("c"));

    assertEquals(List.of("a", "b", "c"), next(model));
    assertEquals(List.of("a", "b", "c"), next(model, "b"));
    assertEquals(List.of("b", "c"), next(model, "b", "a"));
    assertEquals(List.of("c"), next(model, "b", "a", "b"));
    assertEquals(List.of(), next(model, "b", "b", "b"));
  }

  @Test
  void an_all_group_takes_its_members_in_any_order_once_each() {
    All model = new All(List.of(one("a"), optional("b"), one("c")), 1, 1);

    assertEquals(List.of("a", "b", "c"), next(model));
    assertEquals(List.of("a", "b"), next(model, "c"));
    assertEquals(List.of("b"), next(model, "c", "a"));
    assertEquals(List.of(), next(model, "c", "a", "b"));
    assertEquals(List.of(), next(model, "a", "a"));
    assertEquals(List.of(), next(model, "a", "x"));
  }

  @Test
  void what_follows_an_all_group_waits_for_its_required_members() {
    Sequence model = sequence(new All(List.of(one("a"), optional("b"), one("c")), 1, 1), one("d"));

    assertEquals(List.of("a", "b", "c"), next(model));
    assertEquals(List.of("b", "c"), next(model, "a"));
    assertEquals(List.of("b", "d"), next(model, "a", "c"));
    assertEquals(List.of("b", "d"), next(model, "c", "a"));
    assertEquals(List.of("d"), next(model, "c", "b", "a"));
    assertEquals(List.of("a"), next(model, "b", "c"));
    assertEquals(List.of(), next(model, "a", "c", "d"));
    // Every member missing, or one duplicated: d cannot come.
    assertEquals(List.of(), next(model, "d"));
    assertEquals(List.of(), next(model, "a", "a", "c"));
  }

  @Test
  void an_optional_all_group_of_optional_members_may_be_empty() {
    Sequence model = sequence(new All(List.of(optional("a"), optional("b")), 0, 1), one("d"));

    assertEquals(List.of("a", "b", "d"), next(model));
    assertEquals(List.of("b", "d"), next(model, "a"));
    assertEquals(List.of("a", "d"), next(model, "b"));
    assertEquals(List.of("d"), next(model, "b", "a"));
    assertEquals(List.of(), next(model, "b", "b"));
  }

  @Test
  void an_optional_all_group_with_a_required_member_is_all_or_nothing() {
    Sequence model = sequence(new All(List.of(one("a"), optional("b")), 0, 1), one("d"));

    assertEquals(List.of("a", "b", "d"), next(model));
    assertEquals(List.of("a"), next(model, "b"));
    assertEquals(List.of("b", "d"), next(model, "a"));
  }

  @Test
  void a_name_shared_by_an_all_group_and_what_follows_it() {
    // After a, the group is complete: a second a cannot be its member again, and is no particle after it.
    Sequence model = sequence(new All(List.of(one("a")), 1, 1), optional("b"), optional("a"));

    assertEquals(List.of("a"), next(model));
    assertEquals(List.of("b", "a"), next(model, "a"));
    assertEquals(List.of("a"), next(model, "a", "b"));
    assertEquals(List.of(), next(model, "a", "a", "a"));
  }

  @Test
  void nested_occurrences_multiply() {
    // (a, b?){1,2} inside (...){1,2}: up to four a's, each perhaps followed by b.
    Sequence inner = new Sequence(List.of(one("a"), optional("b")), 1, 2);
    Sequence model = sequence(new Sequence(List.of(inner), 1, 2), one("c"));

    assertEquals(List.of("a", "b", "c"), next(model, "a"));
    assertEquals(List.of("a", "c"), next(model, "a", "b"));
    assertEquals(List.of("a", "b", "c"), next(model, "a", "a", "a"));
    assertEquals(List.of("b", "c"), next(model, "a", "a", "a", "a"));
    assertEquals(List.of("c"), next(model, "a", "a", "a", "a", "b"));
    assertEquals(List.of(), next(model, "a", "a", "a", "a", "a"));
  }
}
