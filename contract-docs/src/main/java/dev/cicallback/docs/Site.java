package dev.cicallback.docs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contract split by what a reader looks for: an index, one page per event, job Tag and moderation kind, the
 * Detail and Simple moderation envelopes, and one page of the Operation parts every Tag shares. Each container's table
 * is on exactly one page; a leaf's row is in its parent's table. Both renderings ({@link MarkdownPage},
 * {@link HtmlPage}) write the same pages and link across them with relative links.
 */
final class Site {

  /** What a page is about, which decides what it opens with. */
  enum Kind { INDEX, EVENT, TAG, MODERATION_ENVELOPE, MODERATION_KIND, SHARED }

  /** One page: its file stem, titles, introduction, the container tables it shows, its examples and differences. */
  static final class Page {
    final String id;
    final Kind kind;
    final String title;
    final String titleZh;
    final String intro;
    /** The job Tag (for {@link Kind#TAG}) or moderation kind (for {@link Kind#MODERATION_KIND}), else "". */
    final String subject;
    final List<DocNode> containers = new ArrayList<>();
    final List<Contract.Example> examples = new ArrayList<>();
    /** The 1-based numbers of the differences that concern a node shown on this page. */
    final Set<Integer> differences = new LinkedHashSet<>();

    Page(String id, Kind kind, String title, String titleZh, String intro, String subject) {
      this.id = id;
      this.kind = kind;
      this.title = title;
      this.titleZh = titleZh;
      this.intro = intro;
      this.subject = subject;
    }

    /** The Markdown file: README.md for the index, so that the folder opens on it. */
    String markdown() {
      return kind == Kind.INDEX ? "README.md" : id + ".md";
    }

    String html() {
      return kind == Kind.INDEX ? "index.html" : id + ".html";
    }
  }

  final Contract contract;
  final Page index;
  final Page taskFinish;
  final Page workflowFinish;
  final Page shared;
  final Page moderationDetail;
  final Page moderationSimple;
  /** Each job Tag's page, by Tag. */
  final Map<String, Page> tags = new LinkedHashMap<>();
  /** Each moderation kind's page, by kind ({@code image}, ...). */
  final Map<String, Page> moderationKinds = new LinkedHashMap<>();
  /** Every page, the index first. */
  final List<Page> pages = new ArrayList<>();
  private final Map<DocNode, Page> containerPage = new IdentityHashMap<>();
  /**
   * A container of a named type that an earlier container of its entry has too, with that first one: its children
   * are described once, at the first, and its row links there instead of repeating them.
   */
  private final Map<DocNode, DocNode> sameTypeAs = new IdentityHashMap<>();

  Site(Contract contract) {
    this.contract = contract;
    index = add(new Page("index", Kind.INDEX, Overview.TITLE, "", "", ""));
    taskFinish = add(new Page("taskfinish", Kind.EVENT, "TaskFinish: the job envelope", "任务回调（TaskFinish）：公共结构",
        "A job callback: EventName TaskFinish and the JobsDetail of the job. Every job, whatever its Tag, has this"
            + " envelope and the Operation parts every Tag shares; each Tag adds its own parts, on the Tag's page.",
        "TaskFinish"));
    workflowFinish = add(new Page("workflowfinish", Kind.EVENT, "WorkflowFinish: a workflow run",
        "工作流回调（WorkflowFinish）",
        "A workflow callback: EventName WorkflowFinish and the WorkflowExecution of the run, with its Tasks.",
        "WorkflowFinish"));
    shared = add(new Page("shared", Kind.SHARED, "Shared types: the Operation parts every Tag shares",
        "公共类型：各任务类型共有的 Operation 节点",
        "The Operation parts a job of any Tag may carry (CommonOperationParts): the template, the output, the media"
            + " information and result, the user data and level, ...", ""));
    for (String tag : contract.tags.keySet()) {
      tags.put(tag, add(new Page("tag-" + tag.toLowerCase(Locale.ROOT), Kind.TAG, "Job Tag " + tag,
          "任务类型 " + tag, "", tag)));
    }
    moderationDetail = add(new Page("moderation-detail", Kind.MODERATION_ENVELOPE,
        "Content moderation, Detail form: the envelope", "内容审核回调（详细回调 Detail）：公共结构",
        "Entry moderation-detail. " + contract.moderationDetail.english
            + " Each kind's own JobsDetail parts are on the kind's page.", ""));
    moderationSimple = add(new Page("moderation-simple", Kind.MODERATION_ENVELOPE,
        "Content moderation, Simple form", "内容审核回调（简洁回调 Simple）",
        "Entry moderation-simple. " + contract.moderationSimple.english, ""));
    for (Contract.ModerationKind kind : contract.moderationKinds.keySet()) {
      moderationKinds.put(kind.kind(), add(new Page("moderation-" + kind.kind(), Kind.MODERATION_KIND,
          "Content moderation: " + kind.title(), "内容审核：" + kind.titleZh(), "", kind.kind())));
    }
    place();
    placeExamples();
    for (Page page : pages) {
      for (DocNode container : page.containers) {
        page.differences.addAll(contract.differenceNumbers(container));
        for (DocNode child : container.children) {
          page.differences.addAll(contract.differenceNumbers(child));
        }
      }
    }
  }

  private Page add(Page page) {
    pages.add(page);
    return page;
  }

  /**
   * Puts each container of every entry on its page, in the entry's depth-first order, a repeated type once: at its
   * first place, or on the entry's shared page when its places are on several pages.
   */
  private void place() {
    place(contract.root, this::jobPage, shared);
    place(contract.moderationDetail, this::moderationDetailPage, moderationDetail);
    place(contract.moderationSimple, node -> moderationSimple, moderationSimple);
  }

  private void place(DocNode root, java.util.function.Function<DocNode, Page> natural, Page sharedPage) {
    Map<String, Set<Page>> pagesOfType = new LinkedHashMap<>();
    for (DocNode node : root.flatten()) {
      if (node.container && !node.typeName.isEmpty() && !node.children.isEmpty()) {
        pagesOfType.computeIfAbsent(node.typeName, t -> new LinkedHashSet<>()).add(natural.apply(node));
      }
    }
    place(root, natural, sharedPage, pagesOfType, new LinkedHashMap<>(), null);
  }

  private void place(DocNode node, java.util.function.Function<DocNode, Page> natural, Page sharedPage,
      Map<String, Set<Page>> pagesOfType, Map<String, DocNode> firstOfType, Page forced) {
    if (!node.container) {
      return;
    }
    boolean named = !node.typeName.isEmpty() && !node.children.isEmpty();
    DocNode first = named ? firstOfType.get(node.typeName) : null;
    if (first != null) {
      sameTypeAs.put(node, first);
      return;
    }
    if (named) {
      firstOfType.put(node.typeName, node);
    }
    Page page = forced != null ? forced
        : named && pagesOfType.get(node.typeName).size() > 1 ? sharedPage : natural.apply(node);
    put(node, page);
    for (DocNode child : node.children) {
      place(child, natural, sharedPage, pagesOfType, firstOfType, page != natural.apply(node) ? page : null);
    }
  }

  /**
   * The node itself when the pages show it; for a node below a container whose type is described elsewhere, the
   * same node there.
   */
  DocNode described(DocNode node) {
    for (DocNode at = node.parent; at != null; at = at.parent) {
      DocNode first = sameTypeAs.get(at);
      if (first != null) {
        DocNode same = first;
        for (String step : node.path.substring(at.path.length() + 1).split("/")) {
          same = same.child(step);
        }
        return described(same);
      }
    }
    return node;
  }

  /** The container described at an earlier place of the same type, or null when this one is described itself. */
  DocNode sameTypeAs(DocNode container) {
    return sameTypeAs.get(container);
  }

  private void put(DocNode container, Page page) {
    containerPage.put(container, page);
    page.containers.add(container);
  }

  /** Response/WorkflowExecution: the workflow page; a Tag's Operation part: its Tag; a common part: shared. */
  private Page jobPage(DocNode node) {
    String[] steps = node.path.split("/");
    if (steps.length >= 2 && steps[1].equals("WorkflowExecution")) {
      return workflowFinish;
    }
    if (steps.length >= 4 && steps[1].equals("JobsDetail") && steps[2].equals("Operation")) {
      DocNode part = ancestor(node, 4);
      String group = part.group;
      if (group.endsWith("OperationParts")) {
        Page tag = tags.get(group.substring(0, group.length() - "OperationParts".length()));
        if (tag != null) {
          return tag;
        }
      }
      return shared;
    }
    return taskFinish;
  }

  /** A kind's own JobsDetail part (declared in its moderation-kind.xsd): the kind's page; else the envelope. */
  private Page moderationDetailPage(DocNode node) {
    if (node.path.split("/").length >= 3) {
      DocNode part = ancestor(node, 3);
      for (Map.Entry<Contract.ModerationKind, List<DocNode>> kind : contract.moderationKinds.entrySet()) {
        if (kind.getValue().contains(part)) {
          return moderationKinds.get(kind.getKey().kind());
        }
      }
    }
    return moderationDetail;
  }

  /** The ancestor of {@code node} (or itself) whose path has {@code depth} steps. */
  private static DocNode ancestor(DocNode node, int depth) {
    DocNode at = node;
    while (at.path.split("/").length > depth) {
      at = at.parent;
    }
    return at;
  }

  /** Each fixture on the pages of the Tags, event and moderation kind it shows; a job fixture of none on TaskFinish. */
  private void placeExamples() {
    Map<String, List<Page>> byFile = new LinkedHashMap<>();
    contract.examplesByKind.forEach((kind, files) -> {
      Page page = kind.equals("WorkflowFinish") ? workflowFinish : tags.get(kind);
      files.forEach(file -> byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(page));
    });
    contract.examplesByModerationKind.forEach((kind, files) -> files.forEach(
        file -> byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(moderationKinds.get(kind))));
    for (Contract.Example example : contract.examples) {
      List<Page> on = byFile.get(example.file());
      if (on == null) {
        on = List.of(!example.file().startsWith("json/moderation/") ? taskFinish
            : contract.simpleModerationExamples.contains(example.file()) ? moderationSimple : moderationDetail);
      }
      for (Page page : on) {
        page.examples.add(example);
      }
    }
  }

  /** The page that shows the container's table. */
  Page pageOf(DocNode container) {
    Page page = containerPage.get(container);
    if (page == null) {
      throw new IllegalStateException(container.label() + " is on no page");
    }
    return page;
  }

  /**
   * The page where the node's anchor is: a container's heading, a leaf's row in its parent's table, and the row of a
   * container whose type is described elsewhere.
   */
  Page anchorPage(DocNode node) {
    return pageOf((node.container && !sameTypeAs.containsKey(node)) || node.parent == null ? node : node.parent);
  }

  /**
   * A link from {@code from} to the node's anchor, in HTML or Markdown: a container's heading (in HTML, the row of a
   * container whose type is described elsewhere: {@code row-} and its anchor), a leaf's row.
   */
  String href(DocNode node, Page from, boolean html) {
    node = described(node);
    Page to = anchorPage(node);
    String anchor = html && sameTypeAs.containsKey(node) ? "row-" + node.anchor() : node.anchor();
    return (to == from ? "" : html ? to.html() : to.markdown()) + "#" + anchor;
  }

  /** A link from {@code from} to a page. */
  static String href(Page to, boolean html) {
    return html ? to.html() : to.markdown();
  }

  /** The containers of {@code page} whose parent is on another page (or none): the roots of its trees. */
  List<DocNode> tops(Page page) {
    List<DocNode> tops = new ArrayList<>();
    for (DocNode container : page.containers) {
      if (container.parent == null || pageOf(container.parent) != page) {
        tops.add(container);
      }
    }
    return tops;
  }
}
