/**
 * The ci-callback command ({@code dev.cicallback.cli.Main}) and its callback simulator
 * ({@code dev.cicallback.cli.simulate}). The simulator's API takes the validator's options and results and Jackson's
 * trees, so those modules come with it.
 */
module dev.cicallback.cli {
  requires transitive dev.cicallback.validator;
  requires transitive com.fasterxml.jackson.databind;
  requires dev.cicallback.compat;
  requires dev.cicallback.contract;
  requires java.xml;
  requires java.net.http;
  requires jdk.httpserver;

  exports dev.cicallback.cli;
  exports dev.cicallback.cli.simulate;
}
