package dev.cicallback.compat;

import java.nio.file.Path;

/** The project's contract folder (copies to change in a test: ContractFolders, from the contract's test-jar). */
final class Contracts {

  /** The repository's schema/ (the build passes its place; ../schema from this module otherwise). */
  static final Path SCHEMA = Path.of(System.getProperty("schema.dir", "../schema"));

  private Contracts() {}
}
