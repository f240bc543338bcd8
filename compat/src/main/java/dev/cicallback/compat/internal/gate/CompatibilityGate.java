package dev.cicallback.compat.internal.gate;

import dev.cicallback.compat.Check;
import dev.cicallback.compat.ContractDiff;
import dev.cicallback.compat.Finding;
import dev.cicallback.contract.ContractVersion;
import dev.cicallback.contract.UnreadableSchemaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a contract to the last released one. A change that breaks the backward check (a finding of
 * {@link ContractDiff}) or the model's API (an incompatible change in japicmp's report) fails the gate unless the
 * contract's major version changed, or CHANGELOG.md lists it with its reason under the current version
 * ({@link Changelog}).
 *
 * <p>{@code java dev.cicallback.compat.CompatibilityGate BASELINE CURRENT CHANGELOG [JAPICMP_XML]} exits 0 when the
 * gate passes, 1 when it fails, 2 when a schema, the changelog or the report cannot be read.
 */
public final class CompatibilityGate {

  /**
   * What the gate saw and decided.
   *
   * @param baseline the released contract's version
   * @param current the current contract's version
   * @param contractChanges the findings that break the backward check
   * @param apiChanges the model API's incompatible changes
   * @param unlisted what fails the gate: each breaking change not in the changelog, as the line that would list it
   */
  public record Outcome(ContractVersion baseline, ContractVersion current, List<Finding> contractChanges,
      List<ApiChanges.Change> apiChanges, List<String> unlisted) {

    public Outcome {
      contractChanges = List.copyOf(contractChanges);
      apiChanges = List.copyOf(apiChanges);
      unlisted = List.copyOf(unlisted);
    }

    /** Whether the major version changed, which allows any breaking change. */
    public boolean majorChanged() {
      return current.major() != baseline.major();
    }

    /** Whether the gate passes. */
    public boolean passes() {
      return unlisted.isEmpty();
    }
  }

  private CompatibilityGate() {}

  /** Runs the gate on {@code current} against {@code baseline}, with japicmp's report if there is one. */
  public static Outcome check(Path baseline, Path current, Path changelog, Optional<Path> japicmpReport)
      throws UnreadableSchemaException, IOException {
    ContractVersion released = ContractVersion.of(baseline);
    ContractVersion now = ContractVersion.of(current);
    List<Finding> breaking = ContractDiff.compare(baseline, current).breaking(Check.BACKWARD);
    List<ApiChanges.Change> api = japicmpReport.isPresent() ? ApiChanges.read(japicmpReport.get()) : List.of();
    List<String> unlisted = new ArrayList<>();
    if (now.major() < released.major()) {
      unlisted.add("the contract version " + now + " is lower than the released " + released);
    } else if (now.major() == released.major()) {
      Changelog listed = Changelog.read(changelog, now);
      Set<String> lines = new LinkedHashSet<>();
      for (Finding finding : breaking) {
        if (!listed.lists(finding)) {
          lines.add("- " + finding.rule() + " " + finding.xmlPath() + ": <reason>");
        }
      }
      for (ApiChanges.Change change : api) {
        if (!listed.listsApiChange(change.type())) {
          lines.add("- " + Changelog.JAVA_API + " " + change.type() + ": <reason>");
        }
      }
      unlisted.addAll(lines);
    }
    return new Outcome(released, now, breaking, api, unlisted);
  }

  /** Writes what {@code outcome} means, for the build log. */
  public static void report(Outcome outcome, Path changelog, PrintWriter out) {
    out.println("compatibility gate: contract " + outcome.current() + " against the released " + outcome.baseline()
        + ": " + outcome.contractChanges().size() + " breaking contract change(s), " + outcome.apiChanges().size()
        + " incompatible model API change(s)");
    for (Finding finding : outcome.contractChanges()) {
      out.println("  " + finding.rule() + " " + finding.xmlPath() + " (JSON " + finding.jsonPointer() + ") in "
          + finding.contract() + ": " + finding.message());
    }
    for (ApiChanges.Change change : outcome.apiChanges()) {
      out.println("  " + Changelog.JAVA_API + " " + change);
    }
    if (outcome.passes()) {
      out.println("compatibility gate: passes" + (outcome.majorChanged() ? " (the major version changed)"
          : outcome.contractChanges().isEmpty() && outcome.apiChanges().isEmpty() ? ""
          : " (every breaking change is listed in " + changelog.getFileName() + ")"));
      return;
    }
    out.println("compatibility gate: FAILS. Change the contract's major version (xs:schema/@version and "
        + "x-contract-version), or list each change with its reason in " + changelog.getFileName() + " under '## "
        + outcome.current().normalized() + "':");
    outcome.unlisted().forEach(line -> out.println("  " + line));
  }

  /** The gate from the command line; see the class comment. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** {@link #main} without the exit: returns the status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length < 3 || args.length > 4) {
      err.println("usage: CompatibilityGate BASELINE CURRENT CHANGELOG [JAPICMP_XML]");
      return 2;
    }
    Optional<Path> report = args.length == 4 ? Optional.of(Path.of(args[3])) : Optional.empty();
    if (report.isPresent() && !Files.isRegularFile(report.get())) {
      err.println("compatibility gate: no japicmp report at " + report.get());
      return 2;
    }
    try {
      Outcome outcome = check(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), report);
      report(outcome, Path.of(args[2]), outcome.passes() ? out : err);
      return outcome.passes() ? 0 : 1;
    } catch (UnreadableSchemaException | IOException e) {
      err.println("compatibility gate: " + e.getMessage());
      return 2;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
