package dev.cicallback.docs;

import java.util.List;
import java.util.Map;

/** Renders the contract as {@code generated-docs/index.html}: one self-contained page, no scripts, printable. */
final class HtmlPage {

  private static final String STYLE = """
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2330}
      header{background:#0b3d91;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
      header p{margin:6px 0 0;max-width:72em}header .zh{color:#dfe7f5}header a{color:#fff}
      header .meta{font-size:13px;opacity:.9}
      .layout{display:grid;grid-template-columns:300px minmax(0,1fr);gap:0}
      nav{border-right:1px solid #d8dde6;padding:14px 10px;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;font-size:13px}
      nav ul{list-style:none;margin:0;padding-left:14px}nav>ul{padding-left:0}nav a{text-decoration:none;color:#0b3d91}
      nav summary{cursor:pointer}main{padding:10px 28px 40px;min-width:0;overflow-wrap:anywhere}
      table{border-collapse:collapse;width:100%;margin:8px 0 26px;font-size:13px;table-layout:fixed}
      th,td{border:1px solid #d8dde6;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
      .nodes .child{width:16%}.nodes .card{width:4.5em}.nodes .type{width:19%}.nodes .form{width:16%}
      .nodes .example{width:17%}.tags .tag{width:20%}.tags .fixtures{width:16%}
      th{background:#eef2f8;overflow-wrap:normal}tr:target{background:#fff6c8}ol li{margin-bottom:4px}
      code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
      pre{background:#f5f7fa;border:1px solid #d8dde6;padding:10px;white-space:pre-wrap}
      h3 .up{color:#6b7385;font-weight:normal}
      .zh{color:#475066}.card{white-space:nowrap}.diff{color:#b3261e;text-decoration:none;font-weight:600}
      .sub{display:block;color:#475066;font-size:12px}.label{color:#6b7385;font-size:11px;text-transform:uppercase}
      details.pattern summary{cursor:pointer;color:#0b3d91;font-size:12px}
      .valid{color:#1b7f3b;font-weight:600}.invalid{color:#b3261e;font-weight:600}
      footer{border-top:1px solid #d8dde6;padding:12px 28px;font-size:13px;color:#475066}
      @media (max-width:1100px){.layout{display:block}header,footer{padding-left:16px;padding-right:16px}
      main{padding:10px 16px 32px}nav{position:static;max-height:35vh;border-right:0;border-bottom:1px solid #d8dde6}}
      @media print{nav{display:none}.layout{display:block}tr{break-inside:avoid}details.pattern>code{display:block}}
      """;

  /** A pattern longer than this is folded into a {@code <details>}, shown on demand. */
  private static final int SHORT_PATTERN = 40;

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
        .append("</style>\n</head>\n<body>\n");
    header(contract, html);
    html.append("<div class=\"layout\">\n<nav aria-label=\"Payload tree\">\n")
        .append("<strong>Payload tree</strong>\n<ul id=\"tree\">\n");
    tree(contract.root, html);
    html.append("</ul>\n");
    for (Contract.Entry entry : contract.entries) {
      if (entry.root() != contract.root) {
        html.append("<strong>").append(esc(entry.title())).append("</strong>\n<ul id=\"tree-").append(entry.name())
            .append("\">\n");
        tree(entry.root(), html);
        html.append("</ul>\n");
      }
    }
    html.append("<p><a href=\"#by-tag\">By job Tag</a><br><a href=\"#by-moderation-kind\">By moderation kind</a><br>")
        .append("<a href=\"#differences\">Differences from Tencent's docs</a><br>")
        .append("<a href=\"#examples\">Examples</a></p>\n</nav>\n<main>\n<h2 id=\"overview\">Overview</h2>\n");
    for (String[] paragraph : Overview.PARAGRAPHS) {
      html.append("<p>").append(esc(paragraph[0])).append("</p>\n<p class=\"zh\" lang=\"zh\">")
          .append(esc(paragraph[1])).append("</p>\n");
    }
    html.append("<h2 id=\"by-tag\">By job Tag</h2>\n<p>").append(esc(Overview.BY_TAG)).append("</p>\n")
        .append("<table class=\"tags\">\n<colgroup><col class=\"tag\"><col><col class=\"fixtures\"></colgroup>\n")
        .append("<tr><th>Tag</th><th>Its own Operation parts</th><th>Fixtures</th></tr>\n");
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
    moderationKinds(contract, html);
    html.append("<h2 id=\"nodes\">Nodes</h2>\n");
    for (Contract.Entry entry : contract.entries) {
      if (entry.root() != contract.root) {
        html.append("<h2 id=\"").append(entry.name()).append("\">").append(esc(entry.title()))
            .append(" <span lang=\"zh\">").append(esc(entry.titleZh())).append("</span></h2>\n<p>Entry <code>")
            .append(esc(entry.name())).append("</code>. ").append(esc(entry.root().english))
            .append("<br><span class=\"zh\" lang=\"zh\">").append(esc(entry.root().chinese)).append("</span></p>\n");
      }
      for (DocNode node : entry.root().flatten()) {
        if (node.container) {
          table(node, contract, html);
        }
      }
    }
    differences(contract, html);
    html.append("<h2 id=\"examples\">Examples</h2>\n");
    for (Contract.Example example : contract.examples) {
      html.append("<h3 id=\"example-").append(esc(example.file().replace('/', '-'))).append("\">")
          .append(esc(example.file())).append("</h3>\n<p class=\"").append(example.valid() ? "valid" : "invalid")
          .append("\">").append(esc(example.note())).append("</p>\n<pre>").append(esc(example.content().stripTrailing()))
          .append("</pre>\n");
    }
    html.append("</main>\n</div>\n<footer>").append(withCode(Overview.GENERATED)).append("</footer>\n")
        .append("</body>\n</html>\n");
    return html.toString();
  }

  /** The index of the moderation kinds: each kind's event, its own JobsDetail parts and its fixtures. */
  private static void moderationKinds(Contract contract, StringBuilder html) {
    html.append("<h2 id=\"by-moderation-kind\">By moderation kind <span lang=\"zh\">")
        .append(esc(Overview.BY_MODERATION_KIND_TITLE_ZH)).append("</span></h2>\n<p>")
        .append(esc(Overview.BY_MODERATION_KIND[0])).append("</p>\n<p class=\"zh\" lang=\"zh\">")
        .append(esc(Overview.BY_MODERATION_KIND[1])).append("</p>\n")
        .append("<table class=\"tags\">\n<colgroup><col class=\"tag\"><col class=\"tag\"><col><col class=\"fixtures\">")
        .append("</colgroup>\n<tr><th>Kind</th><th>EventName</th><th>Its own JobsDetail parts</th><th>Fixtures</th></tr>\n");
    for (Map.Entry<Contract.ModerationKind, List<DocNode>> kind : contract.moderationKinds.entrySet()) {
      html.append("<tr><td id=\"moderation-kind-").append(esc(kind.getKey().kind())).append("\">")
          .append(esc(kind.getKey().title())).append("<span class=\"sub zh\" lang=\"zh\">")
          .append(esc(kind.getKey().titleZh())).append("</span></td><td>").append(esc(kind.getKey().event()))
          .append("</td><td>");
      List<DocNode> parts = kind.getValue();
      for (int i = 0; i < parts.size(); i++) {
        html.append(i > 0 ? ", " : "").append("<a href=\"#").append(parts.get(i).anchor()).append("\">")
            .append(esc(parts.get(i).name)).append("</a>");
      }
      html.append(parts.isEmpty() ? "the common parts only" : "").append("</td><td>")
          .append(count(contract.examplesByModerationKind.get(kind.getKey().kind()))).append("</td></tr>\n");
    }
    DocNode data = contract.moderationSimple.child("data");
    html.append("<tr><td>Simple form<span class=\"sub zh\" lang=\"zh\">简洁回调</span></td><td><a href=\"#")
        .append(data.child("event").anchor()).append("\">event</a> under data</td><td><a href=\"#")
        .append(data.anchor()).append("\">data</a> under Response</td><td>")
        .append(count(contract.simpleModerationExamples)).append("</td></tr>\n</table>\n");
  }

  /** What the page is (in English and Chinese), the contract's version and date, and Tencent's documentation. */
  private static void header(Contract contract, StringBuilder html) {
    html.append("<header>\n<h1>").append(esc(Overview.TITLE)).append("</h1>\n<p>").append(esc(Overview.INTRO[0]))
        .append("</p>\n<p class=\"zh\" lang=\"zh\">").append(esc(Overview.INTRO[1])).append("</p>\n")
        .append("<p class=\"meta\">Contract version ").append(esc(contract.version)).append(", updated ")
        .append(esc(contract.date)).append(" · <span lang=\"zh\">契约版本 ").append(esc(contract.version))
        .append("，更新于 ").append(esc(contract.date)).append("</span><br>Tencent's documentation ")
        .append("<span lang=\"zh\">腾讯云文档</span>: ").append(tencentLinks()).append("</p>\n</header>\n");
  }

  private static String tencentLinks() {
    StringBuilder links = new StringBuilder();
    for (String[] page : Overview.TENCENT_DOCS) {
      links.append(links.length() > 0 ? " · " : "").append("<a href=\"").append(esc(page[0])).append("\">")
          .append(esc(page[1])).append("</a>");
    }
    return links.toString();
  }

  private static void differences(Contract contract, StringBuilder html) {
    html.append("<h2 id=\"differences\">Differences from Tencent's published docs <span lang=\"zh\">")
        .append(esc(Overview.DIFFERENCES_TITLE_ZH)).append("</span></h2>\n<p>").append(esc(Overview.DIFFERENCES[0]))
        .append("</p>\n<p class=\"zh\" lang=\"zh\">").append(esc(Overview.DIFFERENCES[1])).append("</p>\n")
        .append("<p>Tencent's documentation <span lang=\"zh\">腾讯云文档</span>: ").append(tencentLinks())
        .append("</p>\n<ol>\n");
    int number = 1;
    for (Map.Entry<String, List<DocNode>> difference : contract.differences.entrySet()) {
      String chinese = contract.differencesZh.get(difference.getKey());
      html.append("<li id=\"difference-").append(number++).append("\">").append(esc(difference.getKey()));
      if (chinese != null) {
        html.append("<span class=\"sub zh\" lang=\"zh\">").append(esc(chinese)).append("</span>");
      }
      html.append("<span class=\"sub\">Nodes <span lang=\"zh\">节点</span>: ");
      List<DocNode> nodes = difference.getValue();
      for (int i = 0; i < nodes.size(); i++) {
        html.append(i > 0 ? ", " : "").append("<a href=\"#").append(nodes.get(i).anchor()).append("\">")
            .append(esc(nodes.get(i).label())).append("</a>");
      }
      html.append("</span></li>\n");
    }
    html.append("</ol>\n");
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

  /** A container's children: the container is the heading, once, not a column of every row. */
  private static void table(DocNode node, Contract contract, StringBuilder html) {
    int slash = node.path.lastIndexOf('/');
    html.append("<h3 id=\"").append(node.anchor()).append("\">")
        .append(slash < 0 && node.entry.isEmpty() ? "" : "<span class=\"up\">"
            + (node.entry.isEmpty() ? "" : esc(node.entry) + ": ")
            + esc(node.path.substring(0, slash + 1)).replace("/", "/<wbr>") + "</span>")
        .append(esc(node.name)).append("</h3>\n<p>")
        .append(esc(node.english)).append(marks(node, contract)).append("<br><span class=\"zh\" lang=\"zh\">")
        .append(esc(node.chinese)).append("</span></p>\n<table aria-labelledby=\"").append(node.anchor())
        .append("\" class=\"nodes\">\n<colgroup><col class=\"child\"><col class=\"card\"><col class=\"type\">")
        .append("<col class=\"form\"><col><col class=\"example\"></colgroup>\n")
        .append("<thead><tr><th>Child</th><th>Card.</th><th>Type, allowed</th><th>XML, JSON form</th>")
        .append("<th>Description <span lang=\"zh\">说明</span></th><th>Example</th></tr></thead>\n<tbody>\n");
    for (DocNode child : node.children) {
      String name = child.container
          ? "<a href=\"#" + child.anchor() + "\">" + esc(child.name) + "</a>"
          : esc(child.name);
      html.append("<tr id=\"").append(child.container ? "row-" : "").append(child.anchor()).append("\"><td><code>")
          .append(name).append("</code></td><td class=\"card\">").append(child.shortCardinality()).append("</td><td>")
          .append(child.container ? "Container" : esc(child.typeName));
      if (!child.container) {
        html.append(child.allowed.isEmpty() ? "" : "<span class=\"sub\">" + esc(child.allowed) + "</span>")
            .append(pattern(child.pattern));
      }
      html.append("</td><td><span class=\"label\">XML</span> ").append(esc(child.xmlForm()))
          .append("<br><span class=\"label\">JSON</span> ").append(esc(child.jsonForm)).append("</td><td>")
          .append(esc(child.english)).append(marks(child, contract)).append("<span class=\"sub zh\" lang=\"zh\">")
          .append(esc(child.chinese)).append("</span></td><td>")
          .append(child.example.isEmpty() ? "" : "<code>" + esc(child.example) + "</code>")
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  /** A short pattern as it is; a long one folded, shown on demand. */
  private static String pattern(String pattern) {
    if (pattern.isEmpty()) {
      return "";
    }
    if (pattern.length() <= SHORT_PATTERN) {
      return "<span class=\"sub\">pattern <code>" + esc(pattern) + "</code></span>";
    }
    return "<details class=\"pattern\"><summary>pattern (" + pattern.length() + " characters)</summary><code>"
        + esc(pattern) + "</code></details>";
  }

  /** Text with {@code `code`} spans, escaped, the spans as {@code <code>}. */
  static String withCode(String text) {
    String[] parts = text.split("`", -1);
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      html.append(i % 2 == 1 && i < parts.length - 1 ? "<code>" + esc(parts[i]) + "</code>"
          : (i % 2 == 1 ? "`" : "") + esc(parts[i]));
    }
    return html.toString();
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
