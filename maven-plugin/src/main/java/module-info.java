/**
 * The ci-callback:validate goal. Maven runs plugins on a class path, where this descriptor is not read; it states what
 * the jar offers for tools that do read it. The Maven API jars have no module names of their own: the names here are
 * the ones derived from their file names.
 */
@SuppressWarnings("requires-automatic")
module dev.cicallback.maven {
  requires dev.cicallback.cli;
  requires maven.plugin.api;
  requires static maven.plugin.annotations;

  exports dev.cicallback.maven;
}
