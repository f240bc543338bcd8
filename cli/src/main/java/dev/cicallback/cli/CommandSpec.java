package dev.cicallback.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One command's options and parameters: parses its arguments and prints its help.
 *
 * <p>Hand-written rather than a command-line library: the command runs once per CI step, and a reflective parser
 * cost more start-up time than validating a small payload (see BENCHMARKS.md).
 */
final class CommandSpec {

  /**
   * An option taking one value: {@code defaultValue} null means none, {@code choices} empty means any value, and a
   * required option has no default.
   */
  record Option(
      String name, String label, String description, String defaultValue, List<String> choices, boolean required) {
    Option {
      choices = List.copyOf(choices);
    }

    /** An option whose value is one of {@code choices}, the first being the default. */
    static Option choice(String name, String description, String... choices) {
      return new Option(name, String.join("|", choices), description, choices[0], List.of(choices), false);
    }

    /** An option that must be given, with one of {@code choices}. */
    static Option requiredChoice(String name, String description, String... choices) {
      return new Option(name, String.join("|", choices), description, null, List.of(choices), true);
    }

    /** An option with any value, {@code defaultValue} (or null) when it is not given. */
    static Option value(String name, String label, String description, String defaultValue) {
      return new Option(name, label, description, defaultValue, List.of(), false);
    }
  }

  /** The command line was wrong; the message says how, in a sentence for the user. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  /** What the user gave: option values (defaults filled in), the positional parameters, and whether help was asked. */
  record Parsed(Map<String, String> values, List<String> parameters, boolean help, boolean version) {
    String value(String option) {
      return values.get(option);
    }
  }

  private final String name;
  private final List<String> description;
  private final List<Option> options;
  private final String parameterLabel;
  private final String parameterDescription;
  private final int minParameters;
  private final int maxParameters;

  CommandSpec(
      String name,
      List<String> description,
      List<Option> options,
      String parameterLabel,
      String parameterDescription,
      int minParameters,
      int maxParameters) {
    this.name = name;
    this.description = List.copyOf(description);
    this.options = List.copyOf(options);
    this.parameterLabel = parameterLabel;
    this.parameterDescription = parameterDescription;
    this.minParameters = minParameters;
    this.maxParameters = maxParameters;
  }

  String name() {
    return name;
  }

  /** The first line of the description. */
  String summary() {
    return description.get(0);
  }

  /**
   * Parses {@code args[from..]}: {@code --name value} or {@code --name=value}, {@code --} ends the options, and a
   * lone {@code -} is a parameter (standard input).
   */
  Parsed parse(String[] args, int from) throws UsageError {
    Map<String, String> values = new HashMap<>();
    List<String> parameters = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        parameters.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return new Parsed(Map.of(), List.of(), true, false);
      }
      if (arg.equals("-V") || arg.equals("--version")) {
        return new Parsed(Map.of(), List.of(), false, true);
      }
      int equals = arg.indexOf('=');
      String optionName = equals < 0 ? arg : arg.substring(0, equals);
      Option option = option(optionName);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageError("option " + optionName + " needs a value (" + option.label() + ")");
      }
      if (!option.choices().isEmpty() && !option.choices().contains(value)) {
        throw new UsageError(
            "option " + optionName + " takes " + String.join(", ", option.choices()) + ", not \"" + value + "\"");
      }
      if (values.put(optionName, value) != null) {
        throw new UsageError("option " + optionName + " is given twice");
      }
    }
    if (minParameters > 1 && minParameters == maxParameters && parameters.size() != minParameters) {
      throw new UsageError(parameterLabel + " are needed (" + minParameters + " parameters), got "
          + parameters.size() + (parameters.isEmpty() ? "" : ": " + String.join(" ", parameters)));
    }
    if (parameters.size() < minParameters) {
      throw new UsageError(minParameters == 1 && maxParameters == 1
          ? "one " + parameterLabel + " is needed"
          : "at least " + (minParameters == 1 ? "one" : String.valueOf(minParameters)) + " " + parameterLabel
              + " is needed");
    }
    if (parameters.size() > maxParameters) {
      throw new UsageError(
          "one " + parameterLabel + " only, got " + parameters.size() + ": " + String.join(" ", parameters));
    }
    for (Option option : options) {
      if (option.defaultValue() != null) {
        values.putIfAbsent(option.name(), option.defaultValue());
      }
    }
    for (Option option : options) {
      if (option.required() && !values.containsKey(option.name())) {
        throw new UsageError("option " + option.name() + " is required (" + option.label() + ")");
      }
    }
    return new Parsed(values, parameters, false, false);
  }

  private Option option(String optionName) throws UsageError {
    for (Option option : options) {
      if (option.name().equals(optionName)) {
        return option;
      }
    }
    throw new UsageError("unknown option " + optionName);
  }

  /** "Usage: " and the synopsis, wrapped to 100 columns. */
  String usage() {
    return wrap("Usage: " + synopsis(), 100, "       ");
  }

  /** {@code text} broken at spaces into lines of at most {@code width} characters, the later ones indented. */
  private static String wrap(String text, int width, String indent) {
    StringBuilder wrapped = new StringBuilder();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= indent.length()) {
        break; // one word longer than the line: leave it whole
      }
      wrapped.append(rest, 0, cut).append('\n');
      rest = indent + rest.substring(cut + 1);
    }
    return wrapped.append(rest).toString();
  }

  /** The one-line synopsis: {@code ci-callback NAME [--opt=LABEL]... PARAM...}. */
  String synopsis() {
    StringBuilder line = new StringBuilder("ci-callback ").append(name).append(" [-hV]");
    for (Option option : options) {
      String usage = option.name() + "=" + option.label();
      line.append(' ').append(option.required() ? usage : "[" + usage + "]");
    }
    line.append(' ').append(parameterLabel).append(maxParameters > Math.max(1, minParameters) ? "..." : "");
    return line.toString();
  }

  void printHelp(PrintWriter out) {
    out.println(usage());
    description.forEach(line -> out.println(wrap(line, 100, "")));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {
        parameterLabel + (maxParameters > Math.max(1, minParameters) ? "..." : ""), parameterDescription});
    for (Option option : options) {
      String text = option.description();
      if (option.defaultValue() != null) {
        text += " (default: " + option.defaultValue() + ")";
      }
      rows.add(new String[] {option.name() + "=" + option.label(), text});
    }
    rows.add(new String[] {"-h, --help", "show this help and exit"});
    rows.add(new String[] {"-V, --version", "print the version and exit"});
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    for (String[] row : rows) {
      String lead = "  " + row[0] + " ".repeat(width - row[0].length() + 2);
      out.println(wrap(lead + row[1], 120, " ".repeat(lead.length())));
    }
  }
}
