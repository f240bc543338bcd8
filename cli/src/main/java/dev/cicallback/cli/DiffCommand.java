package dev.cicallback.cli;

import dev.cicallback.compat.Check;
import dev.cicallback.compat.ContractDiff;
import dev.cicallback.compat.DiffReport;
import dev.cicallback.compat.DiffResult;
import dev.cicallback.contract.UnreadableSchemaException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code ci-callback diff OLD NEW}: what changed between two contracts, and whether readers keep working. */
final class DiffCommand implements Command {

  static final CommandSpec SPEC =
      new CommandSpec(
          "diff",
          List.of(
              "Compares two contracts by the payloads they accept and says whether the change is compatible.",
              "OLD and NEW are folders laid out like schema/ (xml/*.xsd, json/*.schema.json). backward: a reader on"
                  + " NEW accepts every payload valid under OLD; forward: a reader on OLD accepts every payload valid"
                  + " under NEW; full: both. Exit status 0 when compatible, 1 when not, 2 for a usage error or a"
                  + " schema that cannot be read."),
          List.of(
              CommandSpec.Option.choice("--check", "which readers must keep working", "backward", "forward", "full"),
              CommandSpec.Option.choice("--report", "the report format", "text", "json")),
          "OLD NEW",
          "the contract folders to compare, the old one first",
          2,
          2);

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(CommandSpec.Parsed args, PrintWriter out, PrintWriter err, InputStream stdin) {
    Check check = Check.valueOf(args.value("--check").toUpperCase(Locale.ROOT));
    DiffResult result;
    try {
      result = ContractDiff.compare(Path.of(args.parameters().get(0)), Path.of(args.parameters().get(1)));
    } catch (UnreadableSchemaException e) {
      err.println("ci-callback diff: " + e.getMessage());
      return ExitStatus.USAGE;
    }
    if (args.value("--report").equals("json")) {
      DiffReport.json(result, check, out);
    } else {
      DiffReport.text(result, check, out);
    }
    out.flush();
    return result.isCompatible(check) ? ExitStatus.VALID : ExitStatus.INVALID;
  }
}
