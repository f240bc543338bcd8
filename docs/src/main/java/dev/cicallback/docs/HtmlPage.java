package dev.cicallback.docs;

import java.util.List;
import java.util.Map;

/** Renders the contract as {@code generated-docs/index.html}: one self-contained page, no scripts, printable. */
final class HtmlPage {

  private static final String STYLE = """
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2330}
      header{background:#0b3d91;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
      header p{margin:6px 0 0;opacity:.85;font-size:13px}
      .layout{display:grid;grid-template-columns:300px 1fr;gap:0}
      nav{border-right:1px solid #d8dde6;padding:14px 10px;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;font-size:13px}
      nav ul{list-style:none;margin:0;padding-left:14px}nav>ul{padding-left:0}nav a{text-decoration:none;color:#0b3d91}
      nav summary{cursor:pointer}main{padding:10px 28px 40px;min-width:0}
      table{border-collapse:collapse;width:100%;margin:8px 0 26px;font-size:13px}
      th,td{border:1px solid #d8dde6;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eef2f8}
      tr:target{background:#fff6c8}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
      pre{background:#f5f7fa;border:1px solid #d8dde6;padding:10px;overflow:auto}
      .zh{color:#475066}.card{white-space:nowrap}.diff{color:#b3261e;text-decoration:none;font-weight:600}
      .valid{color:#1b7f3b;font-weight:600}.invalid{color:#b3261e;font-weight:600}
      @media print{nav{display:none}.layout{display:block}pre{white-space:pre-wrap}tr{break-inside:avoid}}
      """;

  private HtmlPage() {}

  private static String count(List<String> files) {
    return files == null ? "" : files.size() + " (" + files.stream().filter(f -> f.contains("/valid-")).count()
        + " valid)";
  }

  static String render(Contract contract) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(Overview.TITLE)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<header><h1>").append(esc(Overview.TITLE)).append("</h1><p>")
        .append(esc(Overview.GENERATED)).append("</p></header>\n<div class=\"layout\">\n<nav aria-label=\"Payload tree\">\n")
        .append("<strong>Payload tree</strong>\n<ul id=\"tree\">\n");
    tree(contract.root, html);
    html.append("</ul>\n<p><a href=\"#by-tag\">By job Tag</a><br><a href=\"#differences\">Differences from Tencent's docs</a><br>")
        .append("<a href=\"#examples\">Examples</a></p>\n</nav>\n<main>\n<h2 id=\"overview\">Overview</h2>\n");
    for (String[] paragraph : Overview.PARAGRAPHS) {
      html.append("<p>").append(esc(paragraph[0])).append("</p>\n<p class=\"zh\" lang=\"zh\">")
          .append(esc(paragraph[1])).append("</p>\n");
    }
    html.append("<h2 id=\"by-tag\">By job Tag</h2>\n<p>").append(esc(Overview.BY_TAG)).append("</p>\n")
        .append("<table>\n<tr><th>Tag</th><th>Its own Operation parts</th><th>Fixtures</th></tr>\n");
    for (Map.Entry<String, List<DocNode>> tag : contract.tags.entrySet()) {
      html.append("<tr><td id=\"tag-").append(esc(tag.getKey())).append("\">").append(esc(tag.getKey()))
          .append("</td><td>");
      List<DocNode> parts = tag.getValue();
      for (int i = 0; i < parts.size(); i++) {
        html.append(i > 0 ? ", " : "").append("<a href=\"#").append(parts.get(i).anchor()).append("\">")
            .append(esc(parts.get(i).name)).append("</a>");
      }
      html.append(parts.isEmpty() ? "the common parts only" : "").append("</td><td>")
          .append(count(contract.examplesByKind.get(tag.getKey()))).append("</td></tr>\n");
    }
    html.append("<tr><td>WorkflowFinish (event)</td><td>WorkflowExecution under Response</td><td>")
        .append(count(contract.examplesByKind.get("WorkflowFinish"))).append("</td></tr>\n</table>\n");
    html.append("<h2 id=\"nodes\">Nodes</h2>\n");
    for (DocNode node : contract.root.flatten()) {
      if (node.container) {
        table(node, contract, html);
      }
    }
    html.append("<h2 id=\"differences\">Differences from Tencent's published docs</h2>\n<ol>\n");
    int number = 1;
    for (Map.Entry<String, List<DocNode>> difference : contract.differences.entrySet()) {
      html.append("<li id=\"difference-").append(number++).append("\">").append(esc(difference.getKey()))
          .append(" (");
      List<DocNode> nodes = difference.getValue();
      for (int i = 0; i < nodes.size(); i++) {
        html.append(i > 0 ? ", " : "").append("<a href=\"#").append(nodes.get(i).anchor()).append("\">")
            .append(esc(nodes.get(i).path)).append("</a>");
      }
      html.append(")</li>\n");
    }
    html.append("</ol>\n<h2 id=\"examples\">Examples</h2>\n");
    for (Contract.Example example : contract.examples) {
      html.append("<h3 id=\"example-").append(esc(example.file().replace('/', '-'))).append("\">")
          .append(esc(example.file())).append("</h3>\n<p class=\"").append(example.valid() ? "valid" : "invalid")
          .append("\">").append(esc(example.note())).append("</p>\n<pre>").append(esc(example.content().stripTrailing()))
          .append("</pre>\n");
    }
    html.append("</main>\n</div>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void tree(DocNode node, StringBuilder html) {
    String link = "<a href=\"#" + node.anchor() + "\">" + esc(node.name) + "</a> <span class=\"card\">"
        + node.shortCardinality() + "</span>";
    if (node.children.isEmpty()) {
      html.append("<li>").append(link).append("</li>\n");
      return;
    }
    html.append("<li><details open><summary>").append(link).append("</summary>\n<ul>\n");
    for (DocNode child : node.children) {
      tree(child, html);
    }
    html.append("</ul></details></li>\n");
  }

  private static void table(DocNode node, Contract contract, StringBuilder html) {
    html.append("<h3 id=\"").append(node.anchor()).append("\">").append(esc(node.path)).append("</h3>\n<p>")
        .append(esc(node.english)).append(marks(node, contract)).append("<br><span class=\"zh\" lang=\"zh\">")
        .append(esc(node.chinese)).append("</span></p>\n<table>\n<thead><tr><th>Node</th><th>Parent</th>")
        .append("<th>Card.</th><th>Type</th><th>Allowed</th><th>XML form</th><th>JSON form</th>")
        .append("<th>Description</th><th lang=\"zh\">说明</th><th>Example</th></tr></thead>\n<tbody>\n");
    for (DocNode child : node.children) {
      String name = child.container
          ? "<a href=\"#" + child.anchor() + "\">" + esc(child.name) + "</a>"
          : esc(child.name);
      html.append("<tr id=\"").append(child.container ? "row-" : "").append(child.anchor()).append("\"><td><code>")
          .append(name).append("</code></td><td>").append(esc(node.path)).append("</td><td class=\"card\">")
          .append(child.shortCardinality()).append("</td><td>")
          .append(child.container ? "Container" : esc(child.typeName)).append("</td><td>")
          .append(child.container ? "" : esc(child.allowed)).append("</td><td>").append(esc(child.xmlForm()))
          .append("</td><td>").append(esc(child.jsonForm)).append("</td><td>").append(esc(child.english))
          .append(marks(child, contract)).append("</td><td lang=\"zh\">").append(esc(child.chinese))
          .append("</td><td>").append(child.example.isEmpty() ? "" : "<code>" + esc(child.example) + "</code>")
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static String marks(DocNode node, Contract contract) {
    StringBuilder marks = new StringBuilder();
    for (int number : contract.differenceNumbers(node)) {
      marks.append(" <a class=\"diff\" href=\"#difference-").append(number).append("\" title=\"")
          .append(esc(contract.difference(number))).append("\">≠").append(number).append("</a>");
    }
    return marks.toString();
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
