package dev.cicallback.cli.simulate;

import java.util.Optional;

/**
 * A kind of callback {@code trigger} can send: its name ({@code tts-success}), the fixture it is made from (a path
 * under the packaged fixtures, {@code xml/valid-seed-case1-task-api.xml}), a line saying what it is, and for a
 * content-moderation callback the form CI names in its {@code X-Ci-Content-Version} header ({@code Detail} or
 * {@code Simple}; such a callback is JSON only).
 */
public record Event(String name, String fixture, String summary, Optional<String> contentVersion) {

  /** A job or workflow callback's event. */
  public Event(String name, String fixture, String summary) {
    this(name, fixture, summary, Optional.empty());
  }

  /** Whether it is a content-moderation callback (JSON only, sent with {@code X-Ci-Content-Version}). */
  public boolean moderation() {
    return contentVersion.isPresent();
  }
}
