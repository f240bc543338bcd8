package dev.cicallback.cli;

import dev.cicallback.cli.simulate.Body;
import dev.cicallback.cli.simulate.BodyMaker;
import dev.cicallback.cli.simulate.CiApiStandIn;
import dev.cicallback.cli.simulate.Event;
import dev.cicallback.cli.simulate.EventCatalogue;
import dev.cicallback.cli.simulate.HostileCorpus;
import dev.cicallback.cli.simulate.PointerEdit;
import dev.cicallback.cli.simulate.Replay;
import dev.cicallback.cli.simulate.Sender;
import dev.cicallback.cli.simulate.Trigger;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code ci-callback trigger}: posts realistic callbacks (or the hostile corpus, or saved ones) to an endpoint. */
final class TriggerCommand implements Command {

  static final CommandSpec SPEC =
      new CommandSpec(
          "trigger",
          List.of(
              "Posts realistic callbacks to an endpoint, as CI would.",
              "EVENT's body is made from the contract's fixtures (fresh JobId and RunId, current timestamps) and"
                  + " checked against the contract; --hostile sends the hostile corpus instead, --replay saved"
                  + " payloads. --list shows the events.",
              "One line per delivery (status, time, what was sent, JobId), then a summary. Exit status: 0 when every"
                  + " answer was the expected one (2xx for a body the contract accepts, 4xx for one it refuses:"
                  + " --allow-invalid, --hostile), 1 otherwise or when the contract refuses an edited body, 2 for a"
                  + " usage error (a --set pointer that leads nowhere among them)."),
          List.of(
              CommandSpec.Option.value("--to", "URL", "the endpoint to post to (http or https)", null),
              CommandSpec.Option.flag("--list", "list the events, one a line, and exit"),
              CommandSpec.Option.value("--format", "xml|json", "the wire format to send EVENT in (default: xml)",
                  null),
              CommandSpec.Option.repeated("--set", "POINTER=VALUE",
                  "edit EVENT's body first: the node at the JSON Pointer (into the JSON form, the same node in XML)"
                      + " becomes the text VALUE (POINTER:=JSON for any JSON value); it must exist"),
              CommandSpec.Option.flag("--allow-invalid",
                  "send a body the contract refuses (and expect a 4xx); --set may then add a node"),
              CommandSpec.Option.value("--count", "N", "send N bodies of EVENT, each with its own ids", "1"),
              CommandSpec.Option.value("--concurrency", "C", "send C at a time", "1"),
              CommandSpec.Option.flag("--hostile",
                  "send the hostile corpus instead (oversized, deep, XXE, malformed, ...) and expect each refused"),
              CommandSpec.Option.value("--replay", "PATH",
                  "send saved payloads as they are: a file, or a folder's *.xml and *.json", null),
              CommandSpec.Option.repeated("--header", "NAME:VALUE", "add a request header"),
              CommandSpec.Option.value("--serve-ci-api", "PORT",
                  "meanwhile serve CI's query API on 127.0.0.1:PORT (0: a free one), answering for each body sent as"
                      + " CI would, for a service that confirms callbacks (ci-callback.confirm.endpoint)", null),
              CommandSpec.Option.value(UrlSecretFile.OPTION, "FILE",
                  "add ci-secret=S to the URL's query, S the first line of FILE (kept off the command line)", null),
              CommandSpec.Option.value("--retries", "N",
                  "try a failed connection, a 5xx or a 429 again up to N times, waiting --retry-delay, doubled"
                      + " each time", "0"),
              CommandSpec.Option.value("--retry-delay", "MS", "milliseconds before the first retry", "500"),
              CommandSpec.Option.value("--timeout", "SECONDS", "give up on a connection or an answer after this", "10"),
              PayloadOptions.mode("how bodies are judged: strict, or tolerant (unknown nodes allowed)"),
              PayloadOptions.maxBytes("the endpoint's size limit: --hostile sends a body of N + 1 bytes")),
          "EVENT",
          "the kind of callback to send (ci-callback trigger --list)",
          0,
          1);

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(CommandSpec.Parsed args, PrintWriter out, PrintWriter err, InputStream stdin)
      throws IOException, CommandSpec.UsageError, InterruptedException {
    if (args.flag("--list")) {
      EventCatalogue.listing().forEach(out::println);
      return ExitStatus.VALID;
    }
    String event = args.parameters().isEmpty() ? null : args.parameters().get(0);
    String replay = args.value("--replay");
    boolean hostile = args.flag("--hostile");
    int sources = (event != null ? 1 : 0) + (replay != null ? 1 : 0) + (hostile ? 1 : 0);
    if (sources != 1) {
      throw new CommandSpec.UsageError(sources == 0
          ? "an EVENT is needed (ci-callback trigger --list shows them), or --hostile, or --replay PATH"
          : "one of EVENT, --hostile and --replay only");
    }
    if (event == null && (!args.all("--set").isEmpty() || args.value("--format") != null
        || !args.value("--count").equals("1"))) {
      throw new CommandSpec.UsageError("--set, --format and --count apply to an EVENT");
    }
    URI to = CommandSpec.httpUrl(args.value("--to"));
    String secret = UrlSecretFile.first(args);
    if (secret != null) {
      to = UrlSecretFile.withSecret(to, secret);
    }
    int count = args.wholeNumber("--count", 1);
    int concurrency = args.wholeNumber("--concurrency", 1);
    int retries = args.wholeNumber("--retries", 0);
    int retryDelay = args.wholeNumber("--retry-delay", 0);
    int timeout = args.wholeNumber("--timeout", 1);
    ValidatorOptions options = PayloadOptions.toDetectingOptions(args);
    List<String[]> headers = new ArrayList<>();
    for (String header : args.all("--header")) {
      int colon = header.indexOf(':');
      if (colon < 1) {
        throw new CommandSpec.UsageError("--header takes NAME:VALUE, not \"" + header + "\"");
      }
      headers.add(new String[] {header.substring(0, colon).strip(), header.substring(colon + 1).strip()});
    }
    CiApiStandIn standIn = null;
    if (args.value("--serve-ci-api") != null) {
      int apiPort = args.wholeNumber("--serve-ci-api", 0);
      if (apiPort > 65535) {
        throw new CommandSpec.UsageError("--serve-ci-api takes 0 to 65535, not " + apiPort);
      }
      try {
        standIn = CiApiStandIn.start(new InetSocketAddress("127.0.0.1", apiPort), out);
      } catch (IOException e) {
        err.println("ci-callback trigger: cannot serve CI's API on 127.0.0.1:" + apiPort + ": "
            + IoFailure.describe(e));
        return ExitStatus.USAGE;
      }
      out.println("serving CI's API at " + standIn.url() + " for the bodies sent");
      out.flush();
    }
    Sender sender;
    try {
      sender = new Sender(to, Duration.ofSeconds(timeout), retries, Duration.ofMillis(retryDelay), headers);
      Trigger trigger = new Trigger(sender, concurrency, out, standIn);
      if (hostile) {
        List<Body> bodies = HostileCorpus.bodies(options.maxBytes());
        return exit(trigger.run(bodies.size(), bodies::get));
      }
      if (replay != null) {
        return replay(trigger, replay, options, args.flag("--allow-invalid"), err);
      }
      return event(trigger, event, count, args, options, err);
    } catch (IllegalArgumentException e) {
      throw new CommandSpec.UsageError(e.getMessage());
    } finally {
      if (standIn != null) {
        standIn.close();
      }
    }
  }

  private static int event(Trigger trigger, String name, int count, CommandSpec.Parsed args,
      ValidatorOptions options, PrintWriter err) throws CommandSpec.UsageError, InterruptedException {
    Event event = EventCatalogue.find(name).orElseThrow(() -> new CommandSpec.UsageError(EventCatalogue.unknown(name)));
    String format = args.value("--format") == null ? "xml" : args.value("--format");
    if (!format.equals("xml") && !format.equals("json")) {
      throw new CommandSpec.UsageError("option --format takes xml, json, not \"" + format + "\"");
    }
    List<PointerEdit> edits = new ArrayList<>();
    boolean allowInvalid = args.flag("--allow-invalid");
    BodyMaker maker = BodyMaker.create(options);
    PayloadFormat wire = format.equals("xml") ? PayloadFormat.XML : PayloadFormat.JSON;
    try {
      for (String set : args.all("--set")) {
        edits.add(PointerEdit.parse(set));
      }
      maker.make(event, wire, edits, allowInvalid); // every body is made the same way: the first shows a refusal
    } catch (PointerEdit.Refused e) {
      err.println("ci-callback trigger: " + e.getMessage());
      return ExitStatus.USAGE;
    } catch (BodyMaker.Refused e) {
      for (Problem problem : e.verdict().problems()) {
        err.println(TextReport.line(e.body().label(), problem));
      }
      err.println("ci-callback trigger: the contract refuses " + e.body().label()
          + " after the edits; nothing was sent (--allow-invalid sends it, expecting a 4xx)");
      return ExitStatus.INVALID;
    }
    return exit(trigger.run(count, index -> maker.make(event, wire, edits, allowInvalid)));
  }

  private static int replay(Trigger trigger, String path, ValidatorOptions options, boolean allowInvalid,
      PrintWriter err) throws IOException, InterruptedException {
    List<String> files;
    try {
      files = PayloadSources.expand(List.of(path), found -> { });
    } catch (PayloadSources.UnreadablePath e) {
      err.println("ci-callback trigger: " + e.getMessage());
      return ExitStatus.USAGE;
    }
    if (files.isEmpty()) {
      err.println("ci-callback trigger: no *.xml or *.json payload found in " + path);
      return ExitStatus.USAGE;
    }
    List<Body> bodies;
    try {
      bodies = Replay.bodies(files.stream().map(Path::of).toList(), options, allowInvalid);
    } catch (Replay.Refused e) {
      for (Problem problem : e.read().problems()) {
        err.println(TextReport.line(e.file().toString(), problem));
      }
      err.println("ci-callback trigger: the contract refuses " + e.file()
          + "; nothing was sent (--allow-invalid sends it, expecting a 4xx)");
      return ExitStatus.INVALID;
    }
    return exit(trigger.run(bodies.size(), bodies::get));
  }

  private static int exit(boolean asExpected) {
    return asExpected ? ExitStatus.VALID : ExitStatus.INVALID;
  }
}
