package dev.cicallback.validator.internal.tag;

import dev.cicallback.contract.TagRequirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks each job of one payload against the requirements of its Tag ({@link TagRules}) as a pass reads the payload:
 * told each node's start (its name), its text and its end, in document order, it follows the jobs
 * ({@code JobsDetail} under the root) along the paths the rules name, notes which children each parent holds and
 * the job's {@code Tag}, and at a job's end keeps what that Tag requires and the job lacks. A JSON member holding an
 * array is one node per item. Nodes off those paths are counted, not kept. One payload at a time; not thread-safe.
 *
 * @param <P> where a parent is, for the problem: the XML pass's open element, a JSON Pointer; {@code Void} for a
 *     quick pass, which only asks whether anything is missing
 */
public final class JobWatch<P> {

  private static final String JOB = "JobsDetail";
  private static final String TAG = "Tag";

  /** A job lacking what its Tag requires: the requirement, and where the parent that lacks it is. */
  public record Missing<P>(TagRequirement requirement, P place) {}

  /** A node followed: its path from JobsDetail, where it is, and, for a parent of requirements, its children. */
  private record Frame<P>(String path, P place, Set<String> children) {}

  private final TagRules rules;
  private final Supplier<P> places;
  private final List<Frame<P>> open = new ArrayList<>();
  private final List<Missing<P>> pending = new ArrayList<>();
  private final List<Missing<P>> missing = new ArrayList<>();
  private boolean rootOpen;
  /** Nodes open below one not followed (0: the innermost open node is followed, or none is open). */
  private int ignored;
  /** The text of the current job's Tag, while it is open and after; null before. */
  private StringBuilder tag;
  private boolean inTag;

  /** A watch of {@code rules}; {@code places} (may be null) says where the node just started is. */
  public JobWatch(TagRules rules, Supplier<P> places) {
    this.rules = rules;
    this.places = places;
  }

  /** Forgets the payload read so far: a pass that stopped at a doubt gives its events again, or another pass does. */
  public void reset() {
    open.clear();
    pending.clear();
    missing.clear();
    rootOpen = false;
    ignored = 0;
    tag = null;
    inTag = false;
  }

  /** A node starts: an element, a JSON object or value (an array's items each start one of the member's name). */
  public void start(String name) {
    if (ignored > 0) {
      ignored++;
      return;
    }
    if (!rootOpen) {
      rootOpen = true;
      return;
    }
    if (open.isEmpty()) {
      if (JOB.equals(name)) { // the previous job's end (or reset) left no Tag and nothing pending
        push("");
      } else {
        ignored = 1;
      }
      return;
    }
    Frame<P> parent = open.get(open.size() - 1);
    if (parent.children() != null) {
      parent.children().add(name);
    }
    if (open.size() == 1 && TAG.equals(name)) {
      tag = new StringBuilder(); // a second Tag element (which the schema refuses) counts alone
      inTag = true;
      ignored = 1;
      return;
    }
    String path = parent.path().isEmpty() ? name : parent.path() + "/" + name;
    if (rules.follows(path)) {
      push(path);
    } else {
      ignored = 1;
    }
  }

  private void push(String path) {
    boolean parent = !rules.under(path).isEmpty();
    open.add(new Frame<>(path, places == null ? null : places.get(), parent ? new HashSet<>() : null));
  }

  /** Whether the text of the node open now is asked for (a job's Tag): a caller may skip making it otherwise. */
  public boolean wantsText() {
    return inTag && ignored == 1;
  }

  /** Text of the node open now; pieces add up. */
  public void text(String text) {
    if (wantsText()) {
      tag.append(text);
    }
  }

  /** The node open now ends. */
  public void end() {
    if (ignored > 0) {
      if (--ignored == 0) {
        inTag = false;
      }
      return;
    }
    if (open.isEmpty()) {
      rootOpen = false;
      return;
    }
    Frame<P> frame = open.remove(open.size() - 1);
    for (TagRequirement requirement : rules.under(frame.path())) {
      if (!frame.children().contains(requirement.node())) {
        pending.add(new Missing<>(requirement, frame.place()));
      }
    }
    if (open.isEmpty()) { // the job ends: what its own Tag requires counts
      String jobTag = tag == null ? null : tag.toString();
      for (Missing<P> lacking : pending) {
        if (lacking.requirement().tag().equals(jobTag)) {
          missing.add(lacking);
        }
      }
      pending.clear();
      tag = null;
    }
  }

  /** What the jobs read to their end lack, in the order their parents ended. */
  public List<Missing<P>> missing() {
    return missing;
  }

  /** Whether no job read to its end lacks anything its Tag requires. */
  public boolean satisfied() {
    return missing.isEmpty();
  }
}
