package dev.cicallback.contract;

/**
 * Where a node is declared: a schema file, relative to its contract folder ({@code xml/common.xsd}), and a line.
 *
 * @param file the file, with forward slashes, relative to the contract folder
 * @param line the line, from 1
 */
public record Location(String file, int line) {

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
