package dev.cicallback.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the contract's pages as Markdown: {@code generated-docs/README.md}, the index, and one file per page. */
final class MarkdownPage {

  private MarkdownPage() {}

  /** The index: what the contract is, its events, job Tags and moderation kinds, and the envelope's top levels. */
  static String index(Site site) {
    Contract contract = site.contract;
    StringBuilder md = new StringBuilder();
    md.append("# ").append(Overview.TITLE).append("\n\n");
    md.append(Overview.INTRO[0]).append("\n\n").append(Overview.INTRO[1]).append("\n\n");
    md.append(version(contract)).append("  \n")
        .append("Tencent's documentation 腾讯云文档: ").append(tencentLinks()).append("\n\n");
    md.append("> ").append(Overview.GENERATED).append("\n\n");
    md.append("![The HTML index of this contract](index.png)\n\n");
    md.append("The same pages as HTML, browsable offline: [index.html](index.html).\n\n");
    md.append("## Overview\n\n");
    for (String[] paragraph : Overview.PARAGRAPHS) {
      md.append(paragraph[0]).append("\n\n").append(paragraph[1]).append("\n\n");
    }
    md.append("## Events\n\n| EventName | What it reports | Page |\n|---|---|---|\n");
    md.append("| TaskFinish | a job finished (any Tag); the envelope every job shares | [TaskFinish](")
        .append(site.taskFinish.markdown()).append(") |\n");
    md.append("| WorkflowFinish | a workflow run finished | [WorkflowFinish](").append(site.workflowFinish.markdown())
        .append(") |\n");
    for (Contract.ModerationKind kind : contract.moderationKinds.keySet()) {
      md.append("| ").append(kind.event()).append(" | a content moderation of a ")
          .append(kind.title().toLowerCase(java.util.Locale.ROOT)).append(" finished (Detail form) | [")
          .append(kind.title()).append("](").append(site.moderationKinds.get(kind.kind()).markdown()).append(") |\n");
    }
    md.append("| (Simple form: code, message, data) | a content moderation, Simple form | [Simple form](")
        .append(site.moderationSimple.markdown()).append(") |\n\n");
    md.append("The parts every job Tag shares are on [Shared types](").append(site.shared.markdown())
        .append("); the Detail form's envelope on [Content moderation, Detail form](")
        .append(site.moderationDetail.markdown()).append(").\n\n");
    md.append("## By job Tag\n\n");
    md.append(Overview.BY_TAG).append("\n\n");
    md.append("| Tag | Its own Operation parts | Fixtures |\n|---|---|---|\n");
    for (Map.Entry<String, List<DocNode>> tag : contract.tags.entrySet()) {
      md.append("| [").append(tag.getKey()).append("](").append(site.tags.get(tag.getKey()).markdown()).append(") | ")
          .append(parts(site, site.index, tag.getValue())).append(" | ")
          .append(fixtures(contract.examplesByKind.get(tag.getKey()))).append(" |\n");
    }
    md.append("| [WorkflowFinish](").append(site.workflowFinish.markdown()).append(") (event) | [WorkflowExecution](")
        .append(site.href(contract.root.child("WorkflowExecution"), site.index, false))
        .append(") under Response | ").append(fixtures(contract.examplesByKind.get("WorkflowFinish"))).append(" |\n\n");
    md.append("## By moderation kind ").append(Overview.BY_MODERATION_KIND_TITLE_ZH).append("\n\n");
    md.append(Overview.BY_MODERATION_KIND[0]).append("\n\n").append(Overview.BY_MODERATION_KIND[1]).append("\n\n");
    md.append("| Kind | EventName | Its own JobsDetail parts | Fixtures |\n|---|---|---|---|\n");
    for (Map.Entry<Contract.ModerationKind, List<DocNode>> kind : contract.moderationKinds.entrySet()) {
      md.append("| [").append(kind.getKey().title()).append(" ").append(kind.getKey().titleZh()).append("](")
          .append(site.moderationKinds.get(kind.getKey().kind()).markdown()).append(") | ")
          .append(kind.getKey().event()).append(" | ").append(parts(site, site.index, kind.getValue())).append(" | ")
          .append(fixtures(contract.examplesByModerationKind.get(kind.getKey().kind()))).append(" |\n");
    }
    DocNode simpleData = contract.moderationSimple.child("data");
    md.append("| [Simple form 简洁回调](").append(site.moderationSimple.markdown()).append(") | [event](")
        .append(site.href(simpleData.child("event"), site.index, false)).append(") under data | [")
        .append(simpleData.name).append("](").append(site.href(simpleData, site.index, false))
        .append(") under Response | ").append(fixtures(contract.simpleModerationExamples)).append(" |\n\n");
    md.append("## The common envelope\n\n");
    md.append("The top levels of each entry; every node links to the page that describes it.\n\n");
    for (Contract.Entry entry : contract.entries) {
      md.append("### ").append(entry.title()).append(" ").append(entry.titleZh()).append("\n\n");
      indexTree(site, entry.root(), 0, entry.root() == contract.root ? 3 : 2, md);
      md.append("\n");
    }
    md.append("## Differences from Tencent's published docs ").append(Overview.DIFFERENCES_TITLE_ZH).append("\n\n");
    md.append(Overview.DIFFERENCES[0]).append("\n\n").append(Overview.DIFFERENCES[1]).append("\n\n");
    differenceList(site, site.index, allNumbers(contract), md);
    return md.toString();
  }

  /** A page: its heading and introduction, its trees, its nodes' tables, its differences and its examples. */
  static String render(Site site, Site.Page page) {
    Contract contract = site.contract;
    StringBuilder md = new StringBuilder();
    md.append("# ").append(page.title).append(" ").append(page.titleZh).append("\n\n");
    md.append("[Contract index 契约索引](README.md) · ").append(version(contract)).append("\n\n");
    md.append("> ").append(Overview.GENERATED).append("\n\n");
    if (!page.intro.isEmpty()) {
      md.append(page.intro).append("\n\n");
    }
    if (page.kind == Site.Kind.TAG) {
      List<DocNode> own = contract.tags.get(page.subject);
      md.append("A job of Tag ").append(page.subject).append(" is a [TaskFinish](").append(site.taskFinish.markdown())
          .append(") callback with `JobsDetail/Tag` ").append(page.subject).append(". Its own Operation parts: ")
          .append(parts(site, page, own)).append("; it may carry the [parts every Tag shares](")
          .append(site.shared.markdown()).append(") too. Fixtures: ")
          .append(fixtures(contract.examplesByKind.get(page.subject))).append(".\n\n");
    } else if (page.kind == Site.Kind.MODERATION_KIND) {
      Contract.ModerationKind kind = contract.moderationKinds.keySet().stream()
          .filter(k -> k.kind().equals(page.subject)).findFirst().orElseThrow();
      md.append("EventName ").append(kind.event()).append(" (Detail form; its JobsDetail is described on [the Detail")
          .append(" envelope](").append(site.moderationDetail.markdown()).append(")). Its own JobsDetail parts: ")
          .append(parts(site, page, contract.moderationKinds.get(kind))).append(". Fixtures: ")
          .append(fixtures(contract.examplesByModerationKind.get(kind.kind()))).append(".\n\n");
    }
    if (!page.containers.isEmpty()) {
      md.append("## Nodes\n\n");
      for (DocNode top : site.tops(page)) {
        tree(site, page, top, 0, md);
      }
      md.append("\n");
      for (DocNode container : page.containers) {
        containerTable(site, page, container, md);
      }
    }
    if (!page.differences.isEmpty()) {
      md.append("## Differences from Tencent's published docs ").append(Overview.DIFFERENCES_TITLE_ZH).append("\n\n");
      differenceList(site, page, new ArrayList<>(page.differences), md);
    }
    if (!page.examples.isEmpty()) {
      md.append("## Examples\n\n");
      md.append("The fixtures of schema/examples this page is about; `valid-` fixtures pass, `invalid-` fixtures fail"
          + " for the reason their name gives (the note quotes the validator).\n\n");
      for (Contract.Example example : page.examples) {
        md.append("### ").append(example.file()).append("\n\n").append(example.note()).append("\n\n");
        md.append("```").append(example.format()).append("\n").append(example.content().stripTrailing())
            .append("\n```\n\n");
      }
    }
    return md.toString();
  }

  private static String version(Contract contract) {
    return "Contract version " + contract.version + ", updated " + contract.date + " · 契约版本 " + contract.version
        + "，更新于 " + contract.date;
  }

  private static List<Integer> allNumbers(Contract contract) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= contract.differences.size(); i++) {
      numbers.add(i);
    }
    return numbers;
  }

  /** The differences, each under its number (kept across pages), with links to the nodes it concerns. */
  private static void differenceList(Site site, Site.Page page, List<Integer> numbers, StringBuilder md) {
    List<String> keys = new ArrayList<>(site.contract.differences.keySet());
    for (int number : numbers) {
      String english = keys.get(number - 1);
      String chinese = site.contract.differencesZh.get(english);
      md.append("- <a id=\"difference-").append(number).append("\"></a>**≠").append(number).append("** ")
          .append(cell(english)).append(chinese == null ? "" : " " + cell(chinese)).append(" (");
      List<String> links = new ArrayList<>();
      for (DocNode node : site.contract.differences.get(english)) {
        links.add("[" + node.label() + "](" + site.href(node, page, false) + ")");
      }
      md.append(String.join(", ", links)).append(")\n");
    }
    md.append("\n");
  }

  private static String parts(Site site, Site.Page from, List<DocNode> parts) {
    List<String> links = new ArrayList<>();
    for (DocNode part : parts) {
      links.add("[" + part.name + "](" + site.href(part, from, false) + ")");
    }
    return links.isEmpty() ? "the common parts only" : String.join(", ", links);
  }

  private static void indexTree(Site site, DocNode node, int depth, int maxDepth, StringBuilder md) {
    md.append("  ".repeat(depth)).append("- [").append(node.name).append("](")
        .append(site.href(node, site.index, false)).append(") `").append(node.shortCardinality()).append("`\n");
    if (depth < maxDepth && site.sameTypeAs(node) == null) {
      for (DocNode child : node.children) {
        indexTree(site, child, depth + 1, maxDepth, md);
      }
    }
  }

  /** The page's part of a tree: a container on another page is a link, not expanded. */
  private static void tree(Site site, Site.Page page, DocNode node, int depth, StringBuilder md) {
    md.append("  ".repeat(depth)).append("- [").append(node.name).append("](").append(site.href(node, page, false))
        .append(") `").append(node.shortCardinality()).append("`\n");
    if (node.container && site.sameTypeAs(node) == null && site.pageOf(node) == page) {
      for (DocNode child : node.children) {
        tree(site, page, child, depth + 1, md);
      }
    }
  }

  private static void containerTable(Site site, Site.Page page, DocNode node, StringBuilder md) {
    Contract contract = site.contract;
    md.append("<a id=\"").append(node.anchor()).append("\"></a>\n\n");
    md.append("### ").append(node.label()).append("\n\n");
    md.append(node.english).append(" ").append(node.chinese).append(differences(node, contract)).append("\n\n");
    md.append("| Child | Card. | Type | Allowed | XML form | JSON form | Description | 说明 | Example |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (DocNode child : node.children) {
      DocNode described = site.sameTypeAs(child);
      md.append("| ")
          .append(described != null
              ? "<a id=\"" + child.anchor() + "\"></a>[" + child.name + "](" + site.href(described, page, false) + ")"
              : child.container
              ? "[" + child.name + "](" + site.href(child, page, false) + ")"
              : "<a id=\"" + child.anchor() + "\"></a>" + child.name)
          .append(" | ").append(child.shortCardinality())
          .append(" | ").append(described != null
              ? "Container, type " + cell(child.typeName) + ", as [" + described.label() + "]("
                  + site.href(described, page, false) + ")"
              : child.container ? "Container" : cell(child.typeName))
          .append(" | ").append(cell(child.container ? "" : child.allowedWithPattern()))
          .append(" | ").append(child.xmlForm())
          .append(" | ").append(child.jsonForm)
          .append(" | ").append(cell(child.english)).append(differences(child, contract))
          .append(" | ").append(cell(child.chinese))
          .append(" | ").append(child.example.isEmpty() ? "" : "`" + cell(child.example) + "`")
          .append(" |\n");
    }
    md.append("\n");
  }

  private static String tencentLinks() {
    List<String> links = new ArrayList<>();
    for (String[] page : Overview.TENCENT_DOCS) {
      links.add("[" + page[1] + "](" + page[0] + ")");
    }
    return String.join(" · ", links);
  }

  private static String fixtures(List<String> files) {
    if (files == null) {
      return "no fixture";
    }
    long valid = files.stream().filter(f -> f.contains("/valid-")).count();
    return valid + " valid, " + (files.size() - valid) + " invalid";
  }

  private static String differences(DocNode node, Contract contract) {
    StringBuilder marks = new StringBuilder();
    for (int number : contract.differenceNumbers(node)) {
      marks.append(" [≠").append(number).append("](#difference-").append(number).append(")");
    }
    return marks.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
