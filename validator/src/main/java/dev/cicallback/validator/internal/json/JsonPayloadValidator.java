package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.model.json.Callback;
import dev.cicallback.model.moderation.json.ModerationDetail;
import dev.cicallback.model.moderation.json.ModerationSimple;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.Severity;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.FormatValidator;
import dev.cicallback.validator.internal.core.JsonPointers;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.ModerationRead;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import dev.cicallback.validator.internal.json.quick.JsonSchemaVerdict;
import dev.cicallback.validator.internal.json.quick.ValidatingJsonParser;
import dev.cicallback.validator.internal.json.syntax.LocatedJson;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import dev.cicallback.validator.internal.message.UnknownNodes;
import dev.cicallback.validator.internal.tag.JobWatch;
import dev.cicallback.validator.internal.tag.JsonJobEvents;
import dev.cicallback.validator.internal.tag.TagRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates JSON payloads against the packaged JSON Schema; in strict mode each pass also holds every job of a Tag
 * with a per-Tag entry to what that entry requires ({@link TagRules}), on the same tokens (a payload whose bytes
 * cannot hold such a Tag is not watched). Thread-safe once built.
 */
public final class JsonPayloadValidator implements FormatValidator {

  private static final Lazy<Schema> COMPILED = new Lazy<>(JsonPayloadValidator::compile);
  private static final Lazy<Schema> MODERATION_DETAIL =
      new Lazy<>(() -> compileEntry(SchemaFiles.MODERATION_DETAIL_JSON_SCHEMA));
  private static final Lazy<Schema> MODERATION_SIMPLE =
      new Lazy<>(() -> compileEntry(SchemaFiles.MODERATION_SIMPLE_JSON_SCHEMA));

  private final ValidatorOptions options;
  private final boolean bind;
  private final LocatedJsonReader reader;
  private final JsonSchemaVerdict verdict;
  /** What jobs of some Tags must carry in strict mode; null in tolerant mode, which does not ask it. */
  private final TagRules tagRules;

  /** A validator holding payloads to {@code options}; with {@code bind} each check also gives what to bind. */
  public JsonPayloadValidator(ValidatorOptions options, boolean bind) {
    this.options = options;
    this.bind = bind;
    this.reader = new LocatedJsonReader(options);
    this.verdict = JsonSchemaVerdict.shared();
    TagRules rules = options.mode() == ValidatorOptions.Mode.STRICT ? TagRules.json() : null;
    this.tagRules = rules == null || rules.isEmpty() ? null : rules;
  }

  /** A watch over the jobs of a payload whose bytes may hold a Tag with requirements; null otherwise. */
  private JobWatch<Void> quickWatch(byte[] bytes, int offset, int length) {
    return tagRules != null && tagRules.mayHold(bytes, offset, length) ? new JobWatch<>(tagRules, null) : null;
  }

  /**
   * The packaged JSON Schema, compiled once per class loader: a compiled schema is thread-safe.
   *
   * @throws IllegalStateException if it refers to anything but the packaged files (a broken build)
   */
  private static Schema compile() {
    return compileEntry(SchemaFiles.CALLBACK_JSON_SCHEMA);
  }

  /** The packaged entry {@code name}, compiled once per class loader. */
  private static Schema compileEntry(String name) {
    Compilation compiled = compile(SchemaLocation.of(SchemaFiles.jsonSchemaId(name)), null);
    if (compiled.refused() != null) {
      throw new IllegalStateException("the packaged JSON Schema refers outside the jar: " + compiled.refused());
    }
    return compiled.schema();
  }

  /** A compiled schema, or the IRI the loader refused (then no schema). */
  record Compilation(Schema schema, String refused) {}

  /**
   * Compiles the schema at {@code location}, given as {@code node} or (when null) loaded by its {@code $id}, with
   * every {@code $ref} resolved now. Only {@link PackagedSchemaLoader} loads: a reference to anything else is
   * refused by type, before any of it is read, and comes back as {@link Compilation#refused()}.
   */
  static Compilation compile(SchemaLocation location, JsonNode node) {
    // The contract's own annotation keywords are annotations here too: unknown keywords are logged as warnings.
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keywords(SchemaFiles.JSON_ANNOTATION_KEYWORDS.stream().map(AnnotationKeyword::new).toList())
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemaLoader(new PackagedSchemaLoader()));
    try {
      Schema schema = node == null ? registry.getSchema(location) : registry.getSchema(location, node);
      schema.initializeValidators();
      return new Compilation(schema, null);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof PackagedSchemaLoader.Refused refused) {
          return new Compilation(null, refused.iri());
        }
      }
      throw e;
    }
  }

  /**
   * Problems of the payload and, if this validator binds, what to bind: the model, bound in the quick pass when the payload is
   * valid as it stands, else its tree with unknown members taken out (null when it is not JSON).
   */
  @Override
  public PayloadCheck check(byte[] bytes, int offset, int length) {
    return check(bytes, offset, length, null);
  }

  /**
   * As {@link #check(byte[], int, int)}; {@code simple} is the moderation form the sender named, or null: a hint for
   * a body whose content does not tell.
   */
  @Override
  public PayloadCheck check(byte[] bytes, int offset, int length, Boolean simple) {
    if (bind) {
      Callback callback = bindQuickly(bytes, offset, length);
      if (callback != null) {
        return new PayloadCheck(java.util.Optional.of(PayloadFormat.JSON), List.of(), null, callback);
      }
    } else if (passesQuickly(bytes, offset, length)) {
      return new PayloadCheck(java.util.Optional.of(PayloadFormat.JSON), List.of(), null);
    }
    // A moderation body valid as it stands passes its form's quick verdict (the named form first).
    for (boolean form : simple == null ? new boolean[] {false, true} : new boolean[] {simple, !simple}) {
      PayloadCheck moderation = moderationQuickly(bytes, offset, length, form);
      if (moderation != null) {
        return moderation;
      }
    }
    // Something to report: the full evaluator finds it, on a read that records positions to place it.
    return checkFully(bytes, offset, length, simple);
  }

  /**
   * The check of a moderation body of the given form that its quick verdict finds valid (bound to its root type when
   * this validator binds), or null at any doubt.
   */
  private PayloadCheck moderationQuickly(byte[] bytes, int offset, int length, boolean simple) {
    JsonSchemaVerdict moderation = JsonSchemaVerdict.moderation(simple);
    try (JsonParser parser = reader.parser(bytes, offset, length)) {
      Object bound = null;
      if (bind) {
        ValidatingJsonParser validating = new ValidatingJsonParser(parser, moderation.walk(options));
        Class<?> root = simple ? ModerationSimple.class : ModerationDetail.class;
        bound = ModelMapper.MAPPER.readValue(validating, root);
        if (!validating.conforms()) {
          return null;
        }
      } else if (!moderation.accepts(parser, options)) {
        return null;
      }
      return new PayloadCheck(java.util.Optional.of(PayloadFormat.JSON), List.of(), null, null,
          new ModerationRead(simple, bound));
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether the quick pass finds the payload valid: one pass over the tokens, no tree. */
  public boolean passesQuickly(byte[] bytes, int offset, int length) {
    JobWatch<Void> jobs = quickWatch(bytes, offset, length);
    try (JsonParser parser = reader.parser(bytes, offset, length)) {
      if (jobs == null) {
        return verdict.accepts(parser, options);
      }
      return verdict.accepts(JsonJobEvents.watching(parser, jobs), options) && jobs.satisfied();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The model of the payload, bound as the quick pass validates it, reading the bytes once; null at any doubt of the
   * quick pass, or when binding fails (a date such as 2022-02-30 passes the patterns but not the model), so that the
   * full pass finds and reports it.
   */
  public Callback bindQuickly(byte[] bytes, int offset, int length) {
    JobWatch<Void> jobs = quickWatch(bytes, offset, length);
    try (JsonParser parser = reader.parser(bytes, offset, length)) {
      JsonParser read = jobs == null ? parser : JsonJobEvents.watching(parser, jobs);
      ValidatingJsonParser validating = new ValidatingJsonParser(read, verdict.walk(options));
      Callback callback = ModelMapper.MAPPER.readValue(validating, Callback.class);
      return validating.conforms() && (jobs == null || jobs.satisfied()) ? callback : null;
    } catch (IOException e) {
      return null; // a doubt, a syntax error, or a value the model cannot hold
    }
  }

  /** Like {@link #check}, with the full evaluator whatever the verdict would be: finds and places every problem. */
  public PayloadCheck checkFully(byte[] bytes, int offset, int length) {
    return checkFully(bytes, offset, length, null);
  }

  /** As {@link #checkFully(byte[], int, int)}, with the moderation form the sender named, or null. */
  public PayloadCheck checkFully(byte[] bytes, int offset, int length, Boolean simple) {
    try {
      return evaluate(reader.readLocated(bytes, offset, length), simple);
    } catch (LocatedJsonReader.JsonSyntaxError e) {
      return notJson(e);
    }
  }

  private static PayloadCheck notJson(LocatedJsonReader.JsonSyntaxError e) {
    return new PayloadCheck(java.util.Optional.of(PayloadFormat.JSON), List.of(e.problem), null);
  }

  private PayloadCheck evaluate(LocatedJson document, Boolean hint) {
    Boolean simple = ModerationCallbacks.form(document.tree(), hint);
    ContractTree contract = simple == null ? ContractTree.json() : ContractTree.moderationJson(simple);
    Schema schema = simple == null ? COMPILED.get() : simple ? MODERATION_SIMPLE.get() : MODERATION_DETAIL.get();
    List<Problem> problems = new ArrayList<>();
    // The schema judges a copy without the members the contract does not know; the tree keeps them for the model.
    JsonNode judged = document.tree().deepCopy();
    if (judged.isObject()) {
      pruneUnknown((ObjectNode) judged, "", contract.root(), document, options, problems);
    }
    LocatedJson pruned = new LocatedJson(judged, document.valueStarts(), document.nameStarts());
    for (Error error : relevant(schema.validate(judged), judged)) {
      problems.add(
          JsonSchemaMessages.problem(error, pointer(error.getInstanceLocation()), pruned, contract, options));
    }
    if (tagRules != null) {
      String[] pointer = new String[1];
      JobWatch<String> jobs = new JobWatch<>(tagRules, () -> pointer[0]);
      JsonJobEvents.walk(judged, jobs, pointer);
      for (JobWatch.Missing<String> lacking : jobs.missing()) {
        problems.add(tagRules.problem(lacking.requirement(), document.positionOf(lacking.place()), lacking.place()));
      }
    }
    return new PayloadCheck(java.util.Optional.of(PayloadFormat.JSON), problems, document.tree(), null,
        simple == null ? null : new ModerationRead(simple, null));
  }

  /** Takes out members the contract does not know, reporting each; the schema then judges the rest. */
  private static void pruneUnknown(
      ObjectNode object,
      String pointer,
      ContractTree.Node node,
      LocatedJson document,
      ValidatorOptions options,
      List<Problem> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String childPointer = JsonPointers.child(pointer, member.getKey());
      ContractTree.Node child = node.child(member.getKey());
      if (child == null) {
        TextPosition at = document.positionOf(childPointer);
        String parentName = pointer.isEmpty() ? Messages.render(Text.PART_THE_ROOT_OBJECT) : node.name();
        problems.add(UnknownNodes.node(member.getKey(), node, parentName, options, at, childPointer));
        it.remove();
      } else if (child.container() && !child.map()) {
        JsonNode value = member.getValue();
        if (value.isObject()) {
          pruneUnknown((ObjectNode) value, childPointer, child, document, options, problems);
        } else if (value.isArray() && child.repeatable()) {
          for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isObject()) {
              pruneUnknown(
                  (ObjectNode) value.get(i),
                  JsonPointers.child(childPointer, i),
                  child,
                  document,
                  options,
                  problems);
            }
          }
        }
      }
    }
  }

  /**
   * A node that may be an object or an array ({@code oneOf: [X, array of X]}) fails both branches whenever it is
   * wrong; keep the errors of the branch that matches the node's shape, and the summary only when nothing else
   * explains it.
   */
  private static List<Error> relevant(List<Error> errors, JsonNode root) {
    List<Error> kept = new ArrayList<>();
    Set<String> explained = new HashSet<>();
    List<Error> summaries = new ArrayList<>();
    for (Error error : errors) {
      if ("oneOf".equals(error.getKeyword())) {
        summaries.add(error);
        continue;
      }
      if (inOtherBranch(error, root)) {
        continue;
      }
      kept.add(error);
      explained.add(pointer(error.getInstanceLocation()));
    }
    for (Error summary : summaries) {
      String at = pointer(summary.getInstanceLocation());
      if (explained.stream().noneMatch(p -> p.equals(at) || p.startsWith(at + "/"))) {
        kept.add(summary);
      }
    }
    return kept;
  }

  /** Whether the error comes from the oneOf branch that does not match the instance's shape. */
  private static boolean inOtherBranch(Error error, JsonNode root) {
    NodePath evaluation = error.getEvaluationPath();
    for (int i = 0; i + 1 < evaluation.getNameCount(); i++) {
      if (!"oneOf".equals(evaluation.getName(i))) {
        continue;
      }
      String branch = evaluation.getName(i + 1);
      // The instance the oneOf applies to: the error's instance, cut back to before any array index the branch added.
      boolean arrayBranch = "1".equals(branch);
      JsonNode instance = root.at(oneOfInstance(error, evaluation, i));
      if (instance.isArray() != arrayBranch) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pointer of the instance a oneOf at {@code evaluation[index]} applied to: count the property names the
   * evaluation path walked before it, and take as many non-index steps of the instance path.
   */
  private static String oneOfInstance(Error error, NodePath evaluation, int index) {
    int properties = 0;
    for (int i = 0; i < index; i++) {
      if ("properties".equals(evaluation.getName(i))) {
        properties++;
      }
    }
    NodePath instance = error.getInstanceLocation();
    StringBuilder pointer = new StringBuilder();
    int names = 0;
    for (int i = 0; i < instance.getNameCount() && names < properties; i++) {
      Object element = instance.getElement(i);
      if (element instanceof Integer n) {
        pointer.append('/').append(n);
      } else {
        pointer.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        names++;
      }
    }
    return pointer.toString();
  }

  public static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/');
      if (element instanceof Integer n) {
        pointer.append(n);
      } else {
        pointer.append(element.toString().replace("~", "~0").replace("/", "~1"));
      }
    }
    return pointer.toString();
  }
}
