package dev.cicallback.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A node a job of one Tag always carries beyond what the entry of every callback ({@code callback}) requires: what
 * a per-Tag entry ({@code <tag>-callback.xsd}, {@code .schema.json}, whose {@code JobsDetail/Tag} takes one value)
 * requires where the union entry does not. XSD 1.0 cannot make a node required by a sibling's value, so the union
 * leaves these optional; a validator holds each job of the Tag to them in strict mode.
 *
 * <p>Derived from the trees alone: a node required (at least once) under a parent in the per-Tag entry and optional
 * under the same parent in the union entry. Each occurrence of the parent in the job must hold the node.
 *
 * @param tag the job Tag the entry is for ({@code Tts})
 * @param entry the per-Tag entry's name ({@code tts-callback}): the file name without {@code .xsd} or
 *     {@code .schema.json}
 * @param parent the names from {@code JobsDetail} (excluded) down to the node's parent; empty when the parent is
 *     {@code JobsDetail} itself
 * @param node the required node's name
 */
public record TagRequirement(String tag, String entry, List<String> parent, String node) {

  /** The union entry, every callback's: {@code callback.xsd}, {@code callback.schema.json}. */
  static final String UNION_ENTRY = "callback";

  private static final String JOB = "JobsDetail";

  /** Shallow first, then by path: the order both forms give, whatever order their files declare the nodes in. */
  private static final java.util.Comparator<TagRequirement> ORDER =
      java.util.Comparator.<TagRequirement>comparingInt(r -> r.parent().size())
          .thenComparing(r -> String.join("/", r.parent())).thenComparing(TagRequirement::node)
          .thenComparing(TagRequirement::entry);
  private static final String TAG = "Tag";

  public TagRequirement {
    parent = List.copyOf(parent);
  }

  /** The node's path from {@code JobsDetail}, names joined by {@code /}: {@code Operation/TtsConfig}. */
  public String path() {
    return parent.isEmpty() ? node : String.join("/", parent) + "/" + node;
  }

  /** The parent's name: the last of {@link #parent()}, or {@code JobsDetail}. */
  public String parentName() {
    return parent.isEmpty() ? JOB : parent.get(parent.size() - 1);
  }

  /**
   * What each per-Tag entry of one form requires beyond the union entry, by Tag in name order; empty when the form
   * has no union entry or no per-Tag entry. Each Tag's come shallow first, then by path. An entry whose {@code JobsDetail/Tag} takes no single value is not a
   * per-Tag entry and adds nothing; two entries of one Tag add up.
   */
  static Map<String, List<TagRequirement>> of(Map<String, ContractNode> roots) {
    Map<String, List<TagRequirement>> byTag = new TreeMap<>();
    ContractNode union = job(roots.get(UNION_ENTRY));
    if (union == null) {
      return byTag;
    }
    for (Map.Entry<String, ContractNode> entry : new TreeMap<>(roots).entrySet()) {
      ContractNode job = job(entry.getValue());
      String tag = entry.getKey().equals(UNION_ENTRY) ? null : tagOf(job);
      if (tag != null) {
        List<TagRequirement> found = byTag.computeIfAbsent(tag, t -> new ArrayList<>());
        collect(job, union, new ArrayList<>(), tag, entry.getKey(), found);
      }
    }
    byTag.replaceAll((tag, list) -> list.stream().sorted(ORDER).toList());
    byTag.values().removeIf(List::isEmpty);
    return byTag;
  }

  /** The job node ({@code JobsDetail}) under an entry's root, or null. */
  private static ContractNode job(ContractNode root) {
    return root == null ? null : root.child(JOB);
  }

  /** The one value {@code JobsDetail/Tag} takes, or null when it takes none or several. */
  private static String tagOf(ContractNode job) {
    ContractNode tag = job == null ? null : job.child(TAG);
    if (tag == null || tag.kind() != ContractNode.Kind.VALUE) {
      return null;
    }
    Set<String> values = tag.value().enumeration();
    return values != null && values.size() == 1 ? values.iterator().next() : null;
  }

  private static void collect(ContractNode perTag, ContractNode union, List<String> parent, String tag, String entry,
      List<TagRequirement> into) {
    for (ContractNode child : perTag.children().values()) {
      ContractNode unionChild = union.child(child.name());
      if (unionChild == null) {
        continue; // a node the union does not know: the union refuses it wherever it comes
      }
      if (child.required() && !unionChild.required()) {
        into.add(new TagRequirement(tag, entry, parent, child.name()));
      }
      if (child.kind() == ContractNode.Kind.CONTAINER && unionChild.kind() == ContractNode.Kind.CONTAINER) {
        List<String> path = new ArrayList<>(parent);
        path.add(child.name());
        collect(child, unionChild, path, tag, entry, into);
      }
    }
  }
}
