package dev.cicallback.validator.internal.json;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import dev.cicallback.contract.SchemaFiles;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The only schema loader the JSON Schema registry has: it serves the packaged JSON Schema files, each by the exact
 * {@code $id} it has ({@link SchemaFiles#JSON_ID_PREFIX} and a file name), from this library's class path, and
 * refuses every other IRI by throwing {@link Refused}. It replaces networknt's loader as a whole, so none of that
 * library's resource loaders or IRI resolvers ({@code classpath:}, {@code resource:}, files, the network, its
 * meta-schema mapping) is installed behind it.
 */
final class PackagedSchemaLoader extends SchemaLoader {

  /** A packaged file's name: no folder, no query or fragment, nothing to escape. */
  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*\\.schema\\.json");

  /** Thrown for an IRI the loader refuses; carries the IRI, never reads it. */
  static final class Refused extends RuntimeException {
    private final String iri;

    Refused(String iri) {
      super("JSON Schema resource outside the packaged contract refused: " + iri);
      this.iri = iri;
    }

    /** The refused IRI, as the registry asked for it. */
    String iri() {
      return iri;
    }
  }

  PackagedSchemaLoader() {
    super(List.of(), List.of());
  }

  @Override
  public InputStreamSource getSchemaResource(AbsoluteIri iri) {
    String path = packagedPath(iri == null ? null : iri.toString());
    if (path == null) {
      throw new Refused(String.valueOf(iri));
    }
    return () -> SchemaFiles.open(path);
  }

  /** The class-path path of the packaged file {@code iri} names exactly, or null when it names none. */
  static String packagedPath(String iri) {
    if (iri == null || !iri.startsWith(SchemaFiles.JSON_ID_PREFIX)) {
      return null;
    }
    String name = iri.substring(SchemaFiles.JSON_ID_PREFIX.length());
    if (!FILE_NAME.matcher(name).matches()) {
      return null;
    }
    String path = SchemaFiles.JSON_DIR + name;
    return SchemaFiles.class.getClassLoader().getResource(path) == null ? null : path;
  }
}
