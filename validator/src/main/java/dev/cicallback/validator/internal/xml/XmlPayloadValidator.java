package dev.cicallback.validator.internal.xml;

import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.Severity;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.FormatValidator;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import dev.cicallback.validator.internal.tag.JobWatch;
import dev.cicallback.validator.internal.tag.TagRules;
import dev.cicallback.validator.internal.tag.XmlJobEvents;
import dev.cicallback.validator.internal.xml.quick.XsdVerdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates XML payloads against the packaged XSD with a hardened parser: no DTD, no external entity, schema or
 * XInclude, bounded depth, names and attributes. Valid payloads are answered by a quick pass: the verdict read from
 * the bytes ({@link XsdVerdict}, the XSD compiled into automata), or, where it doubts, the schema inside the parser
 * ({@link XmlQuickPass}). The full pass (path tracker, then the schema validator) runs when both have doubts, to find,
 * place and explain each problem. In strict mode each pass also holds every job of a Tag with a per-Tag entry to
 * what that entry requires ({@link TagRules}), on the same events; a payload whose bytes cannot hold such a Tag is not
 * watched. Parsers and schema validators are kept per thread and reset between payloads.
 */
public final class XmlPayloadValidator implements FormatValidator {

  private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";

  private static final Lazy<Schema> COMPILED =
      new Lazy<>(() -> SchemaFiles.newXsdSchema(SchemaFiles.CALLBACK_XSD));

  private final ValidatorOptions options;
  private final boolean buildTree;
  private final XsdVerdict verdict;
  /** What jobs of some Tags must carry in strict mode; null in tolerant mode, which does not ask it. */
  private final TagRules tagRules;
  private final Lazy<XmlQuickPass> quick;
  private final SAXParserFactory parsers;
  /** A parser per thread, reset after each use: creating one costs as much as validating a small payload. */
  private final ThreadLocal<SAXParser> parser;
  /** Likewise a schema validator per thread: it resets itself at the start of each document. */
  private final ThreadLocal<ValidatorHandler> validators;

  /**
   * A validator holding payloads to {@code options}; with {@code buildTree} each check also builds the payload's tree
   * in CI's JSON form, for binding. The contract tree (read from the JSON Schema) is only needed to place problems or
   * build a tree: got then.
   */
  public XmlPayloadValidator(ValidatorOptions options, boolean buildTree) {
    this(options, buildTree, true);
  }

  /**
   * As {@link #XmlPayloadValidator(ValidatorOptions, boolean)}; without {@code tagRequirements}, strict mode holds
   * jobs to the union entry alone, as the verdict does: for the tests that hold the verdict to the schema validator.
   */
  XmlPayloadValidator(ValidatorOptions options, boolean buildTree, boolean tagRequirements) {
    this.options = options;
    this.buildTree = buildTree;
    this.verdict = XsdVerdict.shared();
    TagRules rules = tagRequirements && options.mode() == ValidatorOptions.Mode.STRICT ? TagRules.xml() : null;
    this.tagRules = rules == null || rules.isEmpty() ? null : rules;
    this.quick = new Lazy<>(() -> new XmlQuickPass(COMPILED.get(), options));
    this.parsers = HardenedXml.parsers();
    this.parser = ThreadLocal.withInitial(() -> HardenedXml.newParser(parsers));
    this.validators = ThreadLocal.withInitial(this::newValidatorHandler);
  }

  private ValidatorHandler newValidatorHandler() {
    ValidatorHandler validator = COMPILED.get().newValidatorHandler();
    trySet(validator, XERCES_LOCALE, Locale.ENGLISH);
    validator.setResourceResolver(SchemaFiles.includeResolver());
    return validator;
  }

  /** Problems of the payload, and its tree if this validator builds trees (null otherwise or when unreadable). */
  @Override
  public PayloadCheck check(byte[] bytes, int offset, int length) {
    XmlTreeBuilder tree = buildTree ? new XmlTreeBuilder(ContractTree.xml()) : null;
    if (passesQuickly(bytes, offset, length, tree)) {
      return new PayloadCheck(java.util.Optional.of(PayloadFormat.XML), List.of(), tree == null ? null : tree.tree());
    }
    // Something to report: the full pass finds and places it.
    return checkFully(bytes, offset, length);
  }

  /**
   * Whether the quick passes find the payload valid, declared encoding included; {@code tree} may be null. The verdict
   * read from the bytes answers first, and the parser with the XSD inside only when it doubts, so a batch of valid
   * payloads never compiles the XSD for the schema validator.
   */
  public boolean passesQuickly(byte[] bytes, int offset, int length, XmlTreeBuilder tree) {
    JobWatch<Void> jobs =
        tagRules != null && tagRules.mayHold(bytes, offset, length) ? new JobWatch<>(tagRules, null) : null;
    ContentHandler events = jobs == null ? tree : tree == null ? new XmlJobEvents(jobs)
        : new TeeHandler(tree, new XmlJobEvents(jobs));
    if (verdict.passes(bytes, offset, length, options, events)) {
      return jobs == null || jobs.satisfied();
    }
    if (tree != null) {
      tree.reset(); // the verdict's events stop at its doubt
    }
    if (jobs != null) {
      jobs.reset();
    }
    String declared = HardenedXml.declaredEncoding(bytes, offset, length);
    boolean utf8 = declared == null || declared.equalsIgnoreCase("UTF-8");
    return utf8 && quick.get().passes(bytes, offset, length, events) && (jobs == null || jobs.satisfied());
  }

  /** Like {@link #check}, with the full pass whatever the quick one would say: finds and places every problem. */
  public PayloadCheck checkFully(byte[] bytes, int offset, int length) {
    return checkFully(bytes, offset, length, UnaryOperator.identity());
  }

  /**
   * The full pass, with each error of the schema validator passed through {@code reported} before it is judged: a
   * seam for tests that show the verdict does not depend on the error's words.
   */
  PayloadCheck checkFully(byte[] bytes, int offset, int length, UnaryOperator<SAXParseException> reported) {
    List<Problem> problems = new ArrayList<>();
    XmlTreeBuilder tree = buildTree ? new XmlTreeBuilder(ContractTree.xml()) : null;
    String declared = HardenedXml.declaredEncoding(bytes, offset, length);
    if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
      problems.add(
          Messages.error(
              ProblemCode.ENCODING, 1, 1, "", Text.ENCODING_XML_DECLARED, Sentences.abbreviate(declared, 40)));
      return new PayloadCheck(java.util.Optional.of(PayloadFormat.XML), problems, null);
    }
    SAXParser parser = this.parser.get();
    JobWatch<XmlPathTracker.Step> jobs = null;
    try {
      HardenedXml.limit(parser, options);
      XMLReader reader = parser.getXMLReader();

      ValidatorHandler validator = validators.get();
      // The tracker keeps unknown nodes from the schema; the tree, built beside it, keeps every node. The jobs'
      // watch sees what the schema sees, and asks the tracker where each element it follows starts.
      XmlPathTracker[] placed = new XmlPathTracker[1];
      jobs = tagRules == null ? null : new JobWatch<>(tagRules, () -> placed[0].current());
      ContentHandler schema = jobs == null ? validator : new TeeHandler(validator, new XmlJobEvents(jobs));
      XmlPathTracker tracker = new XmlPathTracker(schema, ContractTree.xml(), options, problems);
      placed[0] = tracker;
      Collector collector = new Collector(tracker, problems, options, bytes, offset, length, reported);
      validator.setErrorHandler(collector);
      reader.setErrorHandler(collector);
      reader.setContentHandler(tree == null ? tracker : new TeeHandler(tracker, tree));
      reader.parse(new InputSource(new ByteArrayInputStream(bytes, offset, length)));
    } catch (SAXParseException | XmlRefused e) {
      // Already reported through the error handler or the tracker.
    } catch (SAXException | IOException e) {
      problems.add(Messages.error(ProblemCode.SYNTAX, 0, 0, "", Text.SYNTAX_XML_UNREADABLE, e.getMessage()));
    } finally {
      parser.reset();
    }
    if (jobs != null) {
      for (JobWatch.Missing<XmlPathTracker.Step> lacking : jobs.missing()) {
        problems.add(tagRules.problem(lacking.requirement(), lacking.place().start, lacking.place().path));
      }
    }
    if (!problems.isEmpty() && isModeration(bytes, offset, length)) {
      // The contract's XML reading of a moderation callback is for other XML tools; this validator reads its JSON.
      return new PayloadCheck(java.util.Optional.of(PayloadFormat.XML),
          List.of(Messages.error(ProblemCode.NOT_COVERED, 1, 1, "", Text.NOT_COVERED_MODERATION_XML)), null);
    }
    // A body without EventName is still read into a tree: a job API response is one (CallbackReader.readJobResponse).
    boolean readable = problems.stream().noneMatch(p -> p.isError() && p.code() != ProblemCode.MISSING_EVENT_NAME);
    return new PayloadCheck(
        java.util.Optional.of(PayloadFormat.XML), problems, tree != null && readable ? tree.tree() : null);
  }

  private static final java.util.regex.Pattern MODERATION = java.util.regex.Pattern.compile(
      "<EventName>\\s*Review[A-Za-z]*\\s*</EventName>|<code>[^<]*</code>\\s*(<message>[^<]*</message>\\s*)?<data>");

  /**
   * Whether an XML body that fails the job contract is the XML reading of a content-moderation callback: an
   * {@code EventName} Review..., or {@code code} and {@code data} (the Simple form).
   */
  private static boolean isModeration(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, Math.min(length, 1 << 16), java.nio.charset.StandardCharsets.UTF_8);
    return MODERATION.matcher(text).find();
  }

  /** Turns parser and validator reports into located problems. */
  private static final class Collector implements ErrorHandler {
    private final XmlPathTracker tracker;
    private final List<Problem> problems;
    private final ValidatorOptions options;
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final UnaryOperator<SAXParseException> reported;
    private String lastPath;

    Collector(
        XmlPathTracker tracker,
        List<Problem> problems,
        ValidatorOptions options,
        byte[] bytes,
        int offset,
        int length,
        UnaryOperator<SAXParseException> reported) {
      this.reported = reported;
      this.tracker = tracker;
      this.problems = problems;
      this.options = options;
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
    }

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException error) {
      SAXParseException e = reported.apply(error);
      XmlPathTracker.Step element = tracker.current();
      String path = tracker.currentPath();
      TextPosition at =
          element == null ? new TextPosition(e.getLineNumber(), e.getColumnNumber()) : element.start;
      Problem problem = XsdMessages.problem(e.getMessage(), element, at, path, options);
      if (problem == null && path.equals(lastPath)) {
        return;
      }
      lastPath = path;
      problems.add(problem == null ? XsdMessages.unsaid(element, at, path) : problem);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      problems.add(fatalProblem(e, bytes, offset, length, options, tracker.currentPath()));
      throw e;
    }
  }

  /**
   * The problem a fatal error of the parser is: a syntax error, unless the payload's own bytes show the parser
   * stopped at a breach of ours there ({@link XmlBreachScan}): a DOCTYPE, or a depth, attribute or name limit. The
   * parser's message is shown for a syntax error, and never read to decide; only its line and column are used.
   */
  static Problem fatalProblem(
      SAXParseException e, byte[] bytes, int offset, int length, ValidatorOptions options, String path) {
    int line = Math.max(e.getLineNumber(), 0);
    int column = Math.max(e.getColumnNumber(), 0);
    XmlBreachScan.Breach breach = XmlBreachScan.find(bytes, offset, length, options);
    XmlBreachScan.Kind kind = breach != null && breach.reachedBy(line, column) ? breach.kind() : null;
    ProblemCode code = kind == null || kind == XmlBreachScan.Kind.DOCTYPE ? ProblemCode.SYNTAX : ProblemCode.LIMIT;
    String message;
    if (kind == null) {
      message = e.getMessage() == null ? Messages.render(Text.PART_UNREADABLE) : e.getMessage();
    } else {
      message = Messages.render(switch (kind) {
        case DOCTYPE -> Text.PART_DOCTYPE;
        case DEPTH -> Text.PART_DEPTH;
        case ATTRIBUTES -> Text.PART_ATTRIBUTES;
        case NAME -> Text.PART_NAME;
      });
    }
    return new Problem(
        Severity.ERROR,
        code,
        Sentences.abbreviate(Messages.render(Text.SYNTAX_XML, message), 300),
        line,
        column,
        path.equals("/") ? "" : path);
  }

  private static void trySet(ValidatorHandler handler, String property, Object value) {
    try {
      handler.setProperty(property, value);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      // Messages then follow the default locale; nothing else depends on it.
    }
  }
}
