package dev.cicallback.cli;

import dev.cicallback.cli.simulate.Listener;
import dev.cicallback.cli.simulate.ListenerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ci-callback listen}: a local receiver that validates, prints, saves and forwards every callback. */
final class ListenCommand implements Command {

  static final CommandSpec SPEC =
      new CommandSpec(
          "listen",
          List.of(
              "Receives callbacks locally: validates, prints, saves and forwards each.",
              "Every POST (to any path) gets one line (status, verdict, event, Tag, State, JobId, first problem)"
                  + " and the answer 200 for a valid body, 400 with the problems (JSON) otherwise. Runs until"
                  + " Ctrl-C, or --max-requests bodies.",
              "Exit status: 0 when it stopped, 2 for a usage error or an address it cannot listen on."),
          List.of(
              CommandSpec.Option.value("--port", "N", "the port to listen on; 0 takes a free one", "8080"),
              CommandSpec.Option.value("--bind", "ADDR",
                  "the address to listen on: loopback unless told otherwise (0.0.0.0 is every interface)",
                  "127.0.0.1"),
              CommandSpec.Option.value("--save", "DIR",
                  "save each body, byte for byte, as DIR/valid-<tag>-<state>-<JobId>.xml, invalid-<code>-..., ...",
                  null),
              CommandSpec.Option.value("--forward-to", "URL",
                  "pass each body on, unchanged with its headers, to URL, and print the app's answer", null),
              PayloadOptions.MODE,
              PayloadOptions.maxBytes("refuse bodies larger than N bytes, read no further"),
              CommandSpec.Option.value("--threads", "N", "answer N requests at a time",
                  String.valueOf(ListenerOptions.DEFAULT_THREADS)),
              CommandSpec.Option.value("--max-requests", "N", "stop after N bodies; 0 runs until Ctrl-C", "0"),
              CommandSpec.Option.value(UrlSecretFile.OPTION, "FILE",
                  "answer 404, unread, to a request whose query lacks ci-secret=S, S one of FILE's lines"
                      + " (two while rotating)", null)),
          "",
          "",
          0,
          0);

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(CommandSpec.Parsed args, PrintWriter out, PrintWriter err, InputStream stdin)
      throws CommandSpec.UsageError, InterruptedException {
    int port = args.wholeNumber("--port", 0);
    if (port > 65535) {
      throw new CommandSpec.UsageError("--port takes 0 to 65535, not " + port);
    }
    InetSocketAddress address = new InetSocketAddress(args.value("--bind"), port);
    if (address.isUnresolved()) {
      throw new CommandSpec.UsageError("--bind: unknown address " + args.value("--bind"));
    }
    Optional<Path> save = Optional.ofNullable(args.value("--save")).map(Path::of);
    if (save.isPresent() && Files.exists(save.get()) && !Files.isDirectory(save.get())) {
      throw new CommandSpec.UsageError("--save: " + save.get() + " is not a folder");
    }
    Optional<URI> forward = Optional.empty();
    if (args.value("--forward-to") != null) {
      forward = Optional.of(CommandSpec.httpUrl(args.value("--forward-to")));
    }
    ListenerOptions options = new ListenerOptions(address, args.wholeNumber("--threads", 1),
        PayloadOptions.toDetectingOptions(args), save, forward, Duration.ofSeconds(10),
        args.wholeNumber("--max-requests", 0));
    dev.cicallback.validator.UrlSecret secret = UrlSecretFile.read(args);
    Listener listener;
    try {
      listener = Listener.start(options, out, secret);
    } catch (IOException e) {
      err.println("ci-callback listen: cannot listen on " + address.getHostString() + ":" + port + ": "
          + IoFailure.describe(e));
      return ExitStatus.USAGE;
    }
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      listener.close();
      try {
        finished.await(2, TimeUnit.SECONDS); // let the summary out before the JVM ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ci-callback-listen-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      synchronized (listener) {
        String mode = options.validation().mode().name().toLowerCase(java.util.Locale.ROOT);
        out.println("listening on " + listener.url() + " (" + mode + ")" + save.map(s -> ", saving to " + s).orElse("")
            + (secret == null ? "" : ", requiring ?" + secret.parameter() + "=")
            + forward.map(f -> ", forwarding to "
                + dev.cicallback.validator.UrlSecret.redact(dev.cicallback.validator.UrlSecret.DEFAULT_PARAMETER,
                    f.toString())).orElse("") + "; Ctrl-C stops");
        out.flush();
      }
      if (options.maxRequests() > 0) {
        listener.awaitMaxRequests();
        listener.close();
      } else {
        listener.awaitClose(Long.MAX_VALUE);
      }
      out.println(listener.summary());
      out.flush();
      return ExitStatus.VALID;
    } finally {
      listener.close();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException e) {
        // the JVM is stopping (Ctrl-C): the hook is running
      }
    }
  }
}
