import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes the commit the jar is built from into a properties file the jar carries, for {@code ci-callback --version}:
 * {@code commit=} the abbreviated hash, "(with uncommitted changes)" after it when tracked files differ from it, or
 * "unknown" when the build runs outside a git checkout (a source archive) or without git.
 *
 * <p>Run by the build as a single-file program, in the folder to describe: {@code java BuildInfo.java OUTPUT}.
 */
public final class BuildInfo {

  private BuildInfo() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: java BuildInfo.java OUTPUT");
      System.exit(2);
    }
    String commit = git("rev-parse", "--short=12", "HEAD");
    if (commit == null || !commit.matches("[0-9a-f]{7,64}")) {
      commit = "unknown";
    } else {
      String changes = git("status", "--porcelain", "--untracked-files=no");
      if (changes != null && !changes.isEmpty()) {
        commit += " (with uncommitted changes)";
      }
    }
    Path output = Path.of(args[0]);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(
        output,
        "# The commit this jar was built from (src/build/java/BuildInfo.java).\ncommit=" + commit + "\n",
        StandardCharsets.ISO_8859_1);
  }

  /** What {@code git ARGUMENTS} prints, stripped, or null when git is missing, fails or takes too long. */
  private static String git(String... arguments) throws InterruptedException {
    String[] command = new String[arguments.length + 1];
    command[0] = "git";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return null;
    }
    try {
      process.getOutputStream().close(); // git asks nothing: no input
      byte[] printed = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return new String(printed, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null;
    } finally {
      process.destroy();
    }
  }
}
