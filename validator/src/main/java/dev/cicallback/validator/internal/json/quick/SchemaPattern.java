package dev.cicallback.validator.internal.json.quick;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON Schema {@code pattern} as the quick pass tests it: whether a whole string matches, and never yes where the
 * full evaluator, which runs the pattern on {@link java.util.regex}, says no.
 *
 * <p>Most patterns of the contract describe a whole value: {@code ^(...)$} over digits, letters and a few signs. Such
 * a pattern is compiled to a deterministic automaton over ASCII, which decides a 24-character timestamp in a few tens
 * of nanoseconds where the regex engine takes hundreds. Any other pattern, or any construct outside the small subset
 * below, keeps the regex engine: a match found anywhere ({@code find}, as JSON Schema means it), and no line break in
 * the string, since Java's {@code $} also matches before a final line break and ECMA-262's does not.
 *
 * <p>The subset: {@code ^} first and {@code $} last with no top-level {@code |}; printable ASCII literals; escaped
 * signs; {@code \d}; classes of literals, ranges and {@code \d} (not negated); groups, plain or {@code (?:)};
 * alternation; the greedy quantifiers {@code ? * + {n} {n,} {n,m}} with counts up to 64.
 */
public abstract class SchemaPattern {

  private static final int ASCII = 128;
  private static final int MAX_COUNT = 64;
  private static final int MAX_NFA_STATES = 4096;
  private static final int MAX_DFA_STATES = 1024;

  /** Whether {@code text} matches the pattern as JSON Schema means it. */
  public abstract boolean matches(String text);

  /** The quickest faithful form of {@code regex}. */
  public static SchemaPattern compile(String regex) {
    Automaton automaton = Automaton.of(regex);
    return automaton != null ? automaton : new Regex(Pattern.compile(regex));
  }

  /** Whether the pattern was compiled to an automaton; for tests. */
  public boolean isAutomaton() {
    return this instanceof Automaton;
  }

  /** The regex engine, for patterns outside the subset. */
  private static final class Regex extends SchemaPattern {
    private final Pattern pattern;

    Regex(Pattern pattern) {
      this.pattern = pattern;
    }

    @Override
    public boolean matches(String text) {
      return pattern.matcher(text).find() && !hasLineBreak(text);
    }

    private static boolean hasLineBreak(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return true;
        }
      }
      return false;
    }
  }

  /** A whole-string pattern as a deterministic automaton over ASCII: one table look-up per character. */
  private static final class Automaton extends SchemaPattern {
    /** Next state by state * 128 + character; -1 for no way on. */
    private final int[] next;
    private final boolean[] accepting;

    private Automaton(int[] next, boolean[] accepting) {
      this.next = next;
      this.accepting = accepting;
    }

    @Override
    public boolean matches(String text) {
      int state = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= ASCII) {
          return false;
        }
        state = next[state * ASCII + c];
        if (state < 0) {
          return false;
        }
      }
      return accepting[state];
    }

    /** The automaton of {@code regex}, or null when it is outside the subset. */
    static Automaton of(String regex) {
      if (!regex.startsWith("^") || !endsWithAnchor(regex)) {
        return null;
      }
      Parser parser = new Parser(regex.substring(1, regex.length() - 1));
      Term term = parser.whole();
      if (term == null) {
        return null;
      }
      Nfa nfa = new Nfa();
      int start = nfa.state();
      int end = nfa.build(term, start);
      if (end < 0) {
        return null;
      }
      return nfa.determinise(start, end);
    }

    /** Whether the last {@code $} is an anchor, not an escaped sign. */
    private static boolean endsWithAnchor(String regex) {
      if (regex.length() < 2 || !regex.endsWith("$")) {
        return false;
      }
      int backslashes = 0;
      for (int i = regex.length() - 2; i >= 0 && regex.charAt(i) == '\\'; i--) {
        backslashes++;
      }
      return backslashes % 2 == 0;
    }
  }

  /** A parsed pattern: a set of characters, a sequence, alternatives, or a repetition. */
  private sealed interface Term {}

  private record Chars(BitSet set) implements Term {}

  private record Sequence(List<Term> terms) implements Term {}

  private record Either(List<Term> branches) implements Term {}

  /** {@code max} is -1 for no upper bound. */
  private record Repeat(Term term, int min, int max) implements Term {}

  /** A recursive-descent parser of the subset; every method returns null for anything outside it. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    /** The pattern between the anchors: one top-level branch, all of it read. */
    Term whole() {
      Term term = sequence();
      return term != null && at == text.length() ? term : null;
    }

    private Term alternatives() {
      List<Term> branches = new ArrayList<>();
      while (true) {
        Term branch = sequence();
        if (branch == null) {
          return null;
        }
        branches.add(branch);
        if (at < text.length() && text.charAt(at) == '|') {
          at++;
        } else {
          return branches.size() == 1 ? branch : new Either(branches);
        }
      }
    }

    private Term sequence() {
      List<Term> terms = new ArrayList<>();
      while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
        Term atom = atom();
        if (atom == null) {
          return null;
        }
        Term quantified = quantified(atom);
        if (quantified == null) {
          return null;
        }
        terms.add(quantified);
      }
      return new Sequence(terms);
    }

    private Term atom() {
      char c = text.charAt(at++);
      switch (c) {
        case '(' -> {
          if (text.startsWith("?:", at)) {
            at += 2;
          } else if (at < text.length() && text.charAt(at) == '?') {
            return null; // look-around, named groups, flags
          }
          Term inner = alternatives();
          if (inner == null || at >= text.length() || text.charAt(at) != ')') {
            return null;
          }
          at++;
          return inner;
        }
        case '[' -> {
          return charClass();
        }
        case '\\' -> {
          BitSet escaped = escape();
          return escaped == null ? null : new Chars(escaped);
        }
        default -> {
          return literal(c) ? new Chars(single(c)) : null;
        }
      }
    }

    /** Printable ASCII that means itself outside a class. */
    private static boolean literal(char c) {
      return c >= 0x20 && c < 0x7f && "^$.|?*+()[]{}\\".indexOf(c) < 0;
    }

    /** After a backslash: {@code \d} or an escaped sign. */
    private BitSet escape() {
      if (at >= text.length()) {
        return null;
      }
      char c = text.charAt(at++);
      if (c == 'd') {
        BitSet digits = new BitSet(ASCII);
        digits.set('0', '9' + 1);
        return digits;
      }
      return "^$.|?*+()[]{}\\/-".indexOf(c) >= 0 ? single(c) : null;
    }

    private Term charClass() {
      if (at < text.length() && text.charAt(at) == '^') {
        return null; // a negated class takes in line breaks and all of Unicode
      }
      BitSet set = new BitSet(ASCII);
      while (at < text.length() && text.charAt(at) != ']') {
        char c = text.charAt(at++);
        BitSet low;
        if (c == '\\') {
          low = escape();
        } else if (c == '[' || c == '&' || c < 0x20 || c >= 0x7f) {
          return null; // Java reads [ and && in a class as nesting and intersection; ECMA-262 does not
        } else {
          low = single(c);
        }
        if (low == null) {
          return null;
        }
        if (at + 1 < text.length() && text.charAt(at) == '-' && text.charAt(at + 1) != ']') {
          char high = text.charAt(at + 1);
          if (low.cardinality() != 1 || high == '\\' || high == '[' || high == '&' || high < 0x20 || high >= 0x7f) {
            return null;
          }
          int from = low.nextSetBit(0);
          if (from > high) {
            return null;
          }
          set.set(from, high + 1);
          at += 2;
        } else {
          set.or(low);
        }
      }
      if (at >= text.length()) {
        return null;
      }
      at++; // ]
      return set.isEmpty() ? null : new Chars(set);
    }

    private Term quantified(Term atom) {
      if (at >= text.length()) {
        return atom;
      }
      int min;
      int max;
      switch (text.charAt(at)) {
        case '?' -> { min = 0; max = 1; at++; }
        case '*' -> { min = 0; max = -1; at++; }
        case '+' -> { min = 1; max = -1; at++; }
        case '{' -> {
          int close = text.indexOf('}', at);
          if (close < 0) {
            return null;
          }
          String[] bounds = text.substring(at + 1, close).split(",", -1);
          if (bounds.length > 2 || !count(bounds[0]) || bounds.length == 2 && !bounds[1].isEmpty() && !count(bounds[1])) {
            return null;
          }
          min = Integer.parseInt(bounds[0]);
          max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
          if (max >= 0 && max < min) {
            return null;
          }
          at = close + 1;
        }
        default -> {
          return atom;
        }
      }
      if (at < text.length() && "?*+{".indexOf(text.charAt(at)) >= 0) {
        return null; // lazy, possessive, or a quantifier of a quantifier
      }
      return new Repeat(atom, min, max);
    }

    private static boolean count(String digits) {
      if (digits.isEmpty() || digits.length() > 2) {
        return false;
      }
      for (int i = 0; i < digits.length(); i++) {
        if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
          return false;
        }
      }
      return Integer.parseInt(digits) <= MAX_COUNT;
    }

    private static BitSet single(char c) {
      BitSet set = new BitSet(ASCII);
      set.set(c);
      return set;
    }
  }

  /** A nondeterministic automaton built from a term (Thompson's construction), then made deterministic. */
  private static final class Nfa {
    private final List<BitSet> labels = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private final List<List<Integer>> empty = new ArrayList<>();

    int state() {
      labels.add(null);
      targets.add(-1);
      empty.add(new ArrayList<>());
      return labels.size() - 1;
    }

    /** Adds {@code term} after state {@code from}; returns its end state, or -1 when the automaton grows too big. */
    int build(Term term, int from) {
      if (labels.size() > MAX_NFA_STATES) {
        return -1;
      }
      if (term instanceof Chars chars) {
        int to = state();
        // Every term starts from a fresh state (see split), so no state carries two labels.
        labels.set(from, chars.set());
        targets.set(from, to);
        return to;
      }
      if (term instanceof Sequence sequence) {
        int at = from;
        for (Term part : sequence.terms()) {
          at = build(part, split(at));
          if (at < 0) {
            return -1;
          }
        }
        return at;
      }
      if (term instanceof Either either) {
        int end = state();
        for (Term branch : either.branches()) {
          int start = state();
          empty.get(from).add(start);
          int last = build(branch, start);
          if (last < 0) {
            return -1;
          }
          empty.get(last).add(end);
        }
        return end;
      }
      Repeat repeat = (Repeat) term;
      int at = from;
      for (int i = 0; i < repeat.min(); i++) {
        at = build(repeat.term(), split(at));
        if (at < 0) {
          return -1;
        }
      }
      if (repeat.max() < 0) {
        int loop = split(at);
        int last = build(repeat.term(), split(loop));
        if (last < 0) {
          return -1;
        }
        empty.get(last).add(loop);
        return loop;
      }
      int end = state();
      for (int i = repeat.min(); i < repeat.max(); i++) {
        empty.get(at).add(end);
        at = build(repeat.term(), split(at));
        if (at < 0) {
          return -1;
        }
      }
      empty.get(at).add(end);
      return end;
    }

    /** A fresh unlabelled state reached from {@code state} for free, so that labels never share a state. */
    private int split(int state) {
      int fresh = state();
      empty.get(state).add(fresh);
      return fresh;
    }

    Automaton determinise(int start, int end) {
      BitSet[] closures = closures();
      int[][] classes = classes();
      Map<BitSet, Integer> numbers = new HashMap<>();
      List<BitSet> sets = new ArrayList<>();
      BitSet initial = closures[start];
      numbers.put(initial, 0);
      sets.add(initial);
      int[] next = new int[16 * ASCII];
      Arrays.fill(next, -1);
      for (int done = 0; done < sets.size(); done++) {
        BitSet current = sets.get(done);
        for (int[] chars : classes) {
          // The characters of a class are alike to every label, so one of them stands for all.
          BitSet reached = new BitSet();
          for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
            BitSet label = labels.get(s);
            if (label != null && label.get(chars[0])) {
              reached.or(closures[targets.get(s)]);
            }
          }
          if (reached.isEmpty()) {
            continue;
          }
          Integer number = numbers.get(reached);
          if (number == null) {
            if (sets.size() == MAX_DFA_STATES) {
              return null;
            }
            number = sets.size();
            numbers.put(reached, number);
            sets.add(reached);
            if (next.length < sets.size() * ASCII) {
              int filled = next.length;
              next = Arrays.copyOf(next, filled * 2);
              Arrays.fill(next, filled, next.length, -1);
            }
          }
          for (int c : chars) {
            next[done * ASCII + c] = number;
          }
        }
      }
      boolean[] accepting = new boolean[sets.size()];
      for (int i = 0; i < sets.size(); i++) {
        accepting[i] = sets.get(i).get(end);
      }
      return new Automaton(Arrays.copyOf(next, sets.size() * ASCII), accepting);
    }

    /** Each state's closure: the states it reaches for free, itself included. */
    private BitSet[] closures() {
      BitSet[] closures = new BitSet[labels.size()];
      int[] work = new int[closures.length];
      for (int state = 0; state < closures.length; state++) {
        BitSet closed = new BitSet();
        closed.set(state);
        int pending = 0;
        work[pending++] = state;
        while (pending > 0) {
          for (int t : empty.get(work[--pending])) {
            if (!closed.get(t)) {
              closed.set(t);
              work[pending++] = t;
            }
          }
        }
        closures[state] = closed;
      }
      return closures;
    }

    /** The characters in groups that no label tells apart, each group as its characters. */
    private int[][] classes() {
      List<BitSet> distinct = new ArrayList<>();
      for (BitSet label : labels) {
        if (label != null && !distinct.contains(label)) {
          distinct.add(label);
        }
      }
      Map<BitSet, int[]> groups = new HashMap<>();
      for (int c = 0; c < ASCII; c++) {
        BitSet in = new BitSet(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
          if (distinct.get(i).get(c)) {
            in.set(i);
          }
        }
        if (!in.isEmpty()) {
          int[] group = groups.get(in);
          group = group == null ? new int[] {c} : Arrays.copyOf(group, group.length + 1);
          group[group.length - 1] = c;
          groups.put(in, group);
        }
      }
      return groups.values().toArray(new int[0][]);
    }
  }
}
