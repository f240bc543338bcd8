package dev.cicallback.compat;

import java.util.List;

/**
 * Every difference between two contracts, in a stable order (contract, path, rule).
 *
 * @param findings the differences; empty when the two accept the same payloads
 */
public record DiffResult(List<Finding> findings) {

  public DiffResult {
    findings = List.copyOf(findings);
  }

  /** The findings that fail {@code check}. */
  public List<Finding> breaking(Check check) {
    return findings.stream().filter(finding -> finding.breaks(check)).toList();
  }

  /** Whether no finding fails {@code check}. */
  public boolean isCompatible(Check check) {
    return findings.stream().noneMatch(finding -> finding.breaks(check));
  }
}
