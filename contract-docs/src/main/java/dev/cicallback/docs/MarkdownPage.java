package dev.cicallback.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the contract as {@code generated-docs/README.md}. */
final class MarkdownPage {

  private MarkdownPage() {}

  static String render(Contract contract) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(Overview.TITLE).append("\n\n");
    md.append(Overview.INTRO[0]).append("\n\n").append(Overview.INTRO[1]).append("\n\n");
    md.append("Contract version ").append(contract.version).append(", updated ").append(contract.date)
        .append(" · 契约版本 ").append(contract.version).append("，更新于 ").append(contract.date).append("  \n")
        .append("Tencent's documentation 腾讯云文档: ").append(tencentLinks()).append("\n\n");
    md.append("> ").append(Overview.GENERATED).append("\n\n");
    md.append("![The HTML page of this contract](index.png)\n\n");
    md.append("The same content as one page: [index.html](index.html).\n\n");
    md.append("## Overview\n\n");
    for (String[] paragraph : Overview.PARAGRAPHS) {
      md.append(paragraph[0]).append("\n\n").append(paragraph[1]).append("\n\n");
    }
    md.append("## By job Tag\n\n");
    md.append(Overview.BY_TAG).append("\n\n");
    md.append("| Tag | Its own Operation parts | Fixtures |\n|---|---|---|\n");
    for (Map.Entry<String, List<DocNode>> tag : contract.tags.entrySet()) {
      List<String> links = new ArrayList<>();
      for (DocNode part : tag.getValue()) {
        links.add("[" + part.name + "](#" + part.anchor() + ")");
      }
      md.append("| ").append(tag.getKey()).append(" | ")
          .append(links.isEmpty() ? "the common parts only" : String.join(", ", links)).append(" | ")
          .append(fixtures(contract.examplesByKind.get(tag.getKey()))).append(" |\n");
    }
    md.append("| WorkflowFinish (event) | [WorkflowExecution](#")
        .append(contract.root.child("WorkflowExecution").anchor())
        .append(") under Response | ").append(fixtures(contract.examplesByKind.get("WorkflowFinish"))).append(" |\n\n");
    md.append("## By moderation kind ").append(Overview.BY_MODERATION_KIND_TITLE_ZH).append("\n\n");
    md.append(Overview.BY_MODERATION_KIND[0]).append("\n\n").append(Overview.BY_MODERATION_KIND[1]).append("\n\n");
    md.append("| Kind | EventName | Its own JobsDetail parts | Fixtures |\n|---|---|---|---|\n");
    for (Map.Entry<Contract.ModerationKind, List<DocNode>> kind : contract.moderationKinds.entrySet()) {
      List<String> links = new ArrayList<>();
      for (DocNode part : kind.getValue()) {
        links.add("[" + part.name + "](#" + part.anchor() + ")");
      }
      md.append("| ").append(kind.getKey().title()).append(" ").append(kind.getKey().titleZh()).append(" | ")
          .append(kind.getKey().event()).append(" | ")
          .append(links.isEmpty() ? "the common parts only" : String.join(", ", links)).append(" | ")
          .append(fixtures(contract.examplesByModerationKind.get(kind.getKey().kind()))).append(" |\n");
    }
    DocNode simpleData = contract.moderationSimple.child("data");
    md.append("| Simple form 简洁回调 | [event](#").append(simpleData.child("event").anchor()).append(") under data | [")
        .append(simpleData.name).append("](#").append(simpleData.anchor()).append(") under Response | ")
        .append(fixtures(contract.simpleModerationExamples)).append(" |\n\n");
    md.append("## The payload\n\n");
    for (Contract.Entry entry : contract.entries) {
      md.append("### ").append(entry.title()).append(" ").append(entry.titleZh()).append("\n\n");
      tree(entry.root(), 0, md);
      md.append("\n");
    }
    md.append("## Nodes\n\n");
    for (Contract.Entry entry : contract.entries) {
      if (entry.root() != contract.root) {
        md.append("## ").append(entry.title()).append(" ").append(entry.titleZh()).append("\n\n")
            .append("Entry `").append(entry.name()).append("`. ").append(entry.root().english).append(" ")
            .append(entry.root().chinese).append("\n\n");
      }
      for (DocNode node : entry.root().flatten()) {
        if (node.container) {
          containerTable(node, contract, md);
        }
      }
    }
    md.append("## Differences from Tencent's published docs ").append(Overview.DIFFERENCES_TITLE_ZH).append("\n\n");
    md.append(Overview.DIFFERENCES[0]).append("\n\n").append(Overview.DIFFERENCES[1]).append("\n\n");
    md.append("Tencent's documentation 腾讯云文档: ").append(tencentLinks()).append("\n\n");
    int number = 1;
    for (Map.Entry<String, List<DocNode>> difference : contract.differences.entrySet()) {
      String chinese = contract.differencesZh.get(difference.getKey());
      md.append(number).append(". <a id=\"difference-").append(number).append("\"></a>")
          .append(cell(difference.getKey())).append(chinese == null ? "" : " " + cell(chinese)).append(" (");
      List<String> links = new ArrayList<>();
      for (DocNode node : difference.getValue()) {
        links.add("[" + node.label() + "](#" + node.anchor() + ")");
      }
      md.append(String.join(", ", links)).append(")\n");
      number++;
    }
    md.append("\n## Examples\n\n");
    md.append("Every fixture of schema/examples, the seed document's cases first; `valid-` fixtures pass, `invalid-`"
        + " fixtures fail for the reason their name gives (the note quotes the validator).\n\n");
    for (Contract.Example example : contract.examples) {
      md.append("### ").append(example.file()).append("\n\n").append(example.note()).append("\n\n");
      md.append("```").append(example.format()).append("\n").append(example.content().stripTrailing())
          .append("\n```\n\n");
    }
    return md.toString();
  }

  private static void tree(DocNode node, int depth, StringBuilder md) {
    md.append("  ".repeat(depth)).append("- [").append(node.name).append("](#").append(node.anchor()).append(") `")
        .append(node.shortCardinality()).append("`\n");
    for (DocNode child : node.children) {
      tree(child, depth + 1, md);
    }
  }

  private static void containerTable(DocNode node, Contract contract, StringBuilder md) {
    md.append("<a id=\"").append(node.anchor()).append("\"></a>\n\n");
    md.append("### ").append(node.label()).append("\n\n");
    md.append(node.english).append(" ").append(node.chinese).append(differences(node, contract)).append("\n\n");
    md.append("| Child | Card. | Type | Allowed | XML form | JSON form | Description | 说明 | Example |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (DocNode child : node.children) {
      md.append("| ")
          .append(child.container
              ? "[" + child.name + "](#" + child.anchor() + ")"
              : "<a id=\"" + child.anchor() + "\"></a>" + child.name)
          .append(" | ").append(child.shortCardinality())
          .append(" | ").append(child.container ? "Container" : cell(child.typeName))
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
      return "";
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
