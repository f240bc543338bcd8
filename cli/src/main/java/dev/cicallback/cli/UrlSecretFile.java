package dev.cicallback.cli;

import dev.cicallback.validator.UrlSecret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --url-secret-file FILE}: the URL secrets, one a line (two while rotating), read from a file so that they never
 * stand on a command line, where {@code ps} and the shell's history would show them. Errors name the file and the
 * secret's position, never a secret.
 */
final class UrlSecretFile {

  static final String OPTION = "--url-secret-file";

  private UrlSecretFile() {}

  /** The secrets of {@link #OPTION}, or null when it is not given. */
  static UrlSecret read(CommandSpec.Parsed args) throws CommandSpec.UsageError {
    String file = args.value(OPTION);
    if (file == null) {
      return null;
    }
    List<String> secrets;
    try {
      secrets = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
    } catch (IOException | RuntimeException e) {
      throw new CommandSpec.UsageError(OPTION + ": cannot read " + file + " (" + IoFailure.describe(
          e instanceof IOException io ? io : new IOException(e.getClass().getSimpleName())) + ")");
    }
    try {
      return UrlSecret.of(secrets);
    } catch (IllegalArgumentException e) {
      throw new CommandSpec.UsageError(OPTION + " " + file + ": " + e.getMessage());
    }
  }

  /** The first secret of {@link #OPTION}, the one a sender puts in the URL, or null when it is not given. */
  static String first(CommandSpec.Parsed args) throws CommandSpec.UsageError {
    if (read(args) == null) {
      return null;
    }
    try {
      return Files.readAllLines(Path.of(args.value(OPTION)), StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new CommandSpec.UsageError(OPTION + ": cannot read " + args.value(OPTION));
    }
  }

  /** {@code to} with {@code ?ci-secret=SECRET} (or {@code &...}) added to its query, percent-encoded. */
  static URI withSecret(URI to, String secret) {
    String text = to.toString();
    int hash = text.indexOf('#');
    String fragment = hash < 0 ? "" : text.substring(hash);
    String head = hash < 0 ? text : text.substring(0, hash);
    return URI.create(head + (to.getRawQuery() == null ? "?" : "&") + UrlSecret.DEFAULT_PARAMETER + "="
        + URLEncoder.encode(secret, StandardCharsets.UTF_8) + fragment);
  }
}
