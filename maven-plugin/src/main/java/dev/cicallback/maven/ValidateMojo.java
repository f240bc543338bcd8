package dev.cicallback.maven;

import dev.cicallback.cli.Main;
import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code ci-callback:validate}: runs {@code ci-callback validate} over captured callback payloads during the build.
 *
 * <p>The text report goes to the build log, one line per problem and the summary; with {@code output}, the report
 * {@code report} names (text, json or junit) is also written to that file. Invalid payloads fail the build (unless
 * {@code failOnInvalid} is false); a path that cannot be read, or a report file that cannot be written, is an error
 * of the build's configuration. These are the CLI's exit statuses 1 and 2.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

  /** The CLI's exit statuses. */
  static final int VALID = 0;
  static final int INVALID = 1;

  /** Payload files, and folders searched recursively for {@code *.xml} and {@code *.json}. */
  @Parameter(property = "ci-callback.payloads", defaultValue = "${project.basedir}/src/test/resources/callbacks")
  List<File> payloads;

  /** {@code strict}: the schemas as they are; {@code tolerant}: nodes the contract does not know are warnings. */
  @Parameter(property = "ci-callback.mode", defaultValue = "strict")
  String mode;

  /** The wire format of the payloads: {@code auto} (detected from the content), {@code xml} or {@code json}. */
  @Parameter(property = "ci-callback.format", defaultValue = "auto")
  String format;

  /** The format of the report file {@code output}: {@code text}, {@code json} or {@code junit} (JUnit XML). */
  @Parameter(property = "ci-callback.report", defaultValue = "text")
  String report;

  /**
   * Where to write the report, e.g. {@code ${project.build.directory}/ci-callback-report.xml}; its folder is created.
   * Without it, the report goes to the build log only (a json or junit report in place of the text one).
   */
  @Parameter(property = "ci-callback.output")
  File output;

  /** Payloads larger than this many bytes are refused without being read (the CLI's default when unset). */
  @Parameter(property = "ci-callback.maxBytes")
  Long maxBytes;

  /** Whether invalid payloads fail the build; when false they are reported as warnings. */
  @Parameter(property = "ci-callback.failOnInvalid", defaultValue = "true")
  boolean failOnInvalid = true;

  /** Skips the check. */
  @Parameter(property = "ci-callback.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("ci-callback: skipped");
      return;
    }
    if (payloads == null || payloads.isEmpty()) {
      throw new MojoExecutionException("ci-callback: no payloads to validate: set <payloads>");
    }
    List<String> options = new ArrayList<>(List.of("validate", "--mode", mode, "--format", format));
    if (maxBytes != null) {
      options.add("--max-bytes");
      options.add(String.valueOf(maxBytes));
    }
    List<String> paths = new ArrayList<>(List.of("--"));
    for (File payload : payloads) {
      paths.add(payload.getAbsolutePath());
    }

    // Without a report file, the report goes to the log; with one, the log gets the text report and the file the
    // report asked for, from a second run over the same payloads.
    List<String> toLog = new ArrayList<>(options);
    toLog.addAll(List.of("--report", output == null ? report : "text"));
    toLog.addAll(paths);
    int status = run(toLog, log);
    if (output != null && status <= INVALID) {
      File folder = output.getAbsoluteFile().getParentFile();
      if (folder != null && !folder.isDirectory()) {
        try {
          Files.createDirectories(folder.toPath());
        } catch (java.io.IOException e) {
          throw new MojoExecutionException("ci-callback: cannot create the folder of the report " + output, e);
        }
      }
      List<String> toFile = new ArrayList<>(options);
      toFile.addAll(List.of("--report", report, "--output", output.getAbsolutePath()));
      toFile.addAll(paths);
      status = Math.max(status, run(toFile, log));
      if (status <= INVALID) {
        log.info("ci-callback: " + report + " report written to " + output);
      }
    }

    if (status == VALID) {
      return;
    }
    if (status == INVALID) {
      String message = "ci-callback: invalid callback payloads (the problems are listed above)";
      if (failOnInvalid) {
        throw new MojoFailureException(message);
      }
      log.warn(message + "; failOnInvalid is false, so the build goes on");
      return;
    }
    throw new MojoExecutionException(
        "ci-callback: the payloads could not be validated (exit status " + status + "; see the errors above)");
  }

  /** One run of the CLI: its standard output to the log, problems by their severity, its standard error as errors. */
  private static int run(List<String> args, Log log) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ValidateMojo.class.getClassLoader());
    try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
      status = Main.run(args.toArray(String[]::new), outWriter, errWriter, InputStream.nullInputStream());
    } finally {
      thread.setContextClassLoader(previous);
    }
    out.toString().lines().forEach(line -> {
      if (line.contains(": error: ")) {
        log.error(line);
      } else if (line.contains(": warning: ")) {
        log.warn(line);
      } else {
        log.info(line);
      }
    });
    err.toString().lines().forEach(log::error);
    return status;
  }
}
