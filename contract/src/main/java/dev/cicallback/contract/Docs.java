package dev.cicallback.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * What the contract says of a node in words: English and Chinese documentation, and the notes where payloads and
 * Tencent's published documentation disagree ({@code xs:appinfo source="differs-from-tencent-docs"},
 * {@code x-differs-from-tencent-docs}).
 *
 * @param en the English documentation, "" when none
 * @param zh the Chinese documentation, "" when none
 * @param differences the difference notes, in order
 */
public record Docs(String en, String zh, List<Note> differences) {

  /** No documentation. */
  public static final Docs NONE = new Docs("", "", List.of());

  /**
   * One difference note.
   *
   * @param en the note in English
   * @param zh the note in Chinese, "" when the contract gives none
   */
  public record Note(String en, String zh) {}

  public Docs {
    differences = List.copyOf(differences);
  }

  /** Whether there is nothing here. */
  public boolean isEmpty() {
    return en.isEmpty() && zh.isEmpty() && differences.isEmpty();
  }

  /** These docs, each text that is empty here taken from {@code more}; difference notes add up, without repeats. */
  public Docs completedBy(Docs more) {
    List<Note> notes = new ArrayList<>(differences);
    for (Note note : more.differences) {
      if (notes.stream().noneMatch(n -> n.en().equals(note.en()))) {
        notes.add(note);
      }
    }
    return new Docs(en.isEmpty() ? more.en : en, zh.isEmpty() ? more.zh : zh, notes);
  }
}
