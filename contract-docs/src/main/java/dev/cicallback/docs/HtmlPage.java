package dev.cicallback.docs;

import java.util.List;
import java.util.Map;

/**
 * Renders the contract's pages as HTML: {@code generated-docs/index.html} and one file per page, each self-contained
 * (its style inline, no external asset), linked with relative links, printable; the index has a small search script.
 */
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
      #search{margin:14px 0 6px}#search label{display:block;font-weight:600}
      #search input{width:100%;max-width:32em;box-sizing:border-box;font:inherit;padding:4px 8px}
      #search-results{margin:6px 0;padding-left:18px}#search-results li{display:none}
      #search-results li.hit{display:list-item}
      ul.differences li{margin-bottom:6px}
      @media print{nav{display:none}#search{display:none}.layout{display:block}tr{break-inside:avoid}details.pattern>code{display:block}}
      """;

  /** A pattern longer than this is folded into a {@code <details>}, shown on demand. */
  private static final int SHORT_PATTERN = 40;

  private HtmlPage() {}

  private static String count(List<String> files) {
    return files == null ? "" : files.size() + " (" + files.stream().filter(f -> f.contains("/valid-")).count()
        + " valid)";
  }

  /** The index: header, search, events, job Tags, moderation kinds, the envelope's top levels, every difference. */
  static String index(Site site) {
    Contract contract = site.contract;
    StringBuilder html = new StringBuilder();
    head(Overview.TITLE, html);
    header(contract, html);
    html.append("<div class=\"layout\">\n<nav aria-label=\"Payload tree\">\n")
        .append("<strong>The common envelope</strong>\n<ul id=\"tree\">\n");
    indexTree(site, contract.root, 0, 3, html);
    html.append("</ul>\n");
    for (Contract.Entry entry : contract.entries) {
      if (entry.root() != contract.root) {
        html.append("<strong>").append(esc(entry.title())).append("</strong>\n<ul id=\"tree-").append(entry.name())
            .append("\">\n");
        indexTree(site, entry.root(), 0, 2, html);
        html.append("</ul>\n");
      }
    }
    html.append("<p><a href=\"#events\">Events</a><br><a href=\"#by-tag\">By job Tag</a><br>")
        .append("<a href=\"#by-moderation-kind\">By moderation kind</a><br>")
        .append("<a href=\"").append(site.shared.html()).append("\">Shared types</a><br>")
        .append("<a href=\"#differences\">Differences from Tencent's docs</a></p>\n</nav>\n<main>\n");
    search(site, html);
    html.append("<h2 id=\"overview\">Overview</h2>\n");
    for (String[] paragraph : Overview.PARAGRAPHS) {
      html.append("<p>").append(esc(paragraph[0])).append("</p>\n<p class=\"zh\" lang=\"zh\">")
          .append(esc(paragraph[1])).append("</p>\n");
    }
    html.append("<h2 id=\"events\">Events</h2>\n<table class=\"tags\">\n")
        .append("<colgroup><col class=\"tag\"><col><col class=\"fixtures\"></colgroup>\n")
        .append("<tr><th>EventName</th><th>What it reports</th><th>Page</th></tr>\n")
        .append("<tr><td>TaskFinish</td><td>a job finished (any Tag); the envelope every job shares</td><td>")
        .append(pageLink(site.taskFinish, "TaskFinish")).append("</td></tr>\n")
        .append("<tr><td>WorkflowFinish</td><td>a workflow run finished</td><td>")
        .append(pageLink(site.workflowFinish, "WorkflowFinish")).append("</td></tr>\n");
    for (Contract.ModerationKind kind : contract.moderationKinds.keySet()) {
      html.append("<tr><td>").append(esc(kind.event())).append("</td><td>a content moderation of a ")
          .append(esc(kind.title().toLowerCase(java.util.Locale.ROOT))).append(" finished (Detail form)</td><td>")
          .append(pageLink(site.moderationKinds.get(kind.kind()), kind.title())).append("</td></tr>\n");
    }
    html.append("<tr><td>(Simple form: code, message, data)</td><td>a content moderation, Simple form</td><td>")
        .append(pageLink(site.moderationSimple, "Simple form")).append("</td></tr>\n</table>\n<p>")
        .append("The parts every job Tag shares are on ").append(pageLink(site.shared, "Shared types"))
        .append("; the Detail form's envelope on ")
        .append(pageLink(site.moderationDetail, "Content moderation, Detail form")).append(".</p>\n");
    html.append("<h2 id=\"by-tag\">By job Tag</h2>\n<p>").append(esc(Overview.BY_TAG)).append("</p>\n")
        .append("<table class=\"tags\">\n<colgroup><col class=\"tag\"><col><col class=\"fixtures\"></colgroup>\n")
        .append("<tr><th>Tag</th><th>Its own Operation parts</th><th>Fixtures</th></tr>\n");
    for (Map.Entry<String, List<DocNode>> tag : contract.tags.entrySet()) {
      html.append("<tr><td id=\"tag-").append(esc(tag.getKey())).append("\">")
          .append(pageLink(site.tags.get(tag.getKey()), tag.getKey())).append("</td><td>")
          .append(parts(site, site.index, tag.getValue())).append("</td><td>")
          .append(count(contract.examplesByKind.get(tag.getKey()))).append("</td></tr>\n");
    }
    html.append("<tr><td>").append(pageLink(site.workflowFinish, "WorkflowFinish"))
        .append(" (event)</td><td>WorkflowExecution under Response</td><td>")
        .append(count(contract.examplesByKind.get("WorkflowFinish"))).append("</td></tr>\n</table>\n");
    moderationKinds(site, html);
    differences(site, site.index, allNumbers(contract), html);
    html.append("</main>\n</div>\n<footer>").append(withCode(Overview.GENERATED)).append("</footer>\n")
        .append(SEARCH_SCRIPT).append("</body>\n</html>\n");
    return html.toString();
  }

  /** A page: its heading, its part of the trees, its nodes' tables, its differences and its examples. */
  static String render(Site site, Site.Page page) {
    Contract contract = site.contract;
    StringBuilder html = new StringBuilder();
    head(page.title + " · " + Overview.TITLE, html);
    html.append("<header>\n<h1>").append(esc(page.title)).append(" <span lang=\"zh\">").append(esc(page.titleZh))
        .append("</span></h1>\n<p class=\"meta\"><a href=\"index.html\">Contract index</a> <span lang=\"zh\">")
        .append("契约索引</span> · Contract version ").append(esc(contract.version)).append(", updated ")
        .append(esc(contract.date)).append(" · <span lang=\"zh\">契约版本 ").append(esc(contract.version))
        .append("，更新于 ").append(esc(contract.date)).append("</span></p>\n</header>\n");
    html.append("<div class=\"layout\">\n<nav aria-label=\"Payload tree\">\n<p><a href=\"index.html\">")
        .append("Contract index</a></p>\n<strong>On this page</strong>\n<ul id=\"tree\">\n");
    for (DocNode top : site.tops(page)) {
      tree(site, page, top, html);
    }
    html.append("</ul>\n<p>")
        .append(page.differences.isEmpty() ? "" : "<a href=\"#differences\">Differences from Tencent's docs</a><br>")
        .append(page.examples.isEmpty() ? "" : "<a href=\"#examples\">Examples</a>")
        .append("</p>\n</nav>\n<main>\n");
    if (!page.intro.isEmpty()) {
      html.append("<p>").append(esc(page.intro)).append("</p>\n");
    }
    if (page.kind == Site.Kind.TAG) {
      html.append("<p>A job of Tag ").append(esc(page.subject)).append(" is a ")
          .append(pageLink(site.taskFinish, "TaskFinish")).append(" callback with <code>JobsDetail/Tag</code> ")
          .append(esc(page.subject)).append(". Its own Operation parts: ")
          .append(parts(site, page, contract.tags.get(page.subject))).append("; it may carry the ")
          .append(pageLink(site.shared, "parts every Tag shares")).append(" too. Fixtures: ")
          .append(count(contract.examplesByKind.get(page.subject))).append(".</p>\n");
    } else if (page.kind == Site.Kind.MODERATION_KIND) {
      Contract.ModerationKind kind = contract.moderationKinds.keySet().stream()
          .filter(k -> k.kind().equals(page.subject)).findFirst().orElseThrow();
      html.append("<p>EventName ").append(esc(kind.event())).append(" (Detail form; its JobsDetail is described on ")
          .append(pageLink(site.moderationDetail, "the Detail envelope")).append("). Its own JobsDetail parts: ")
          .append(parts(site, page, contract.moderationKinds.get(kind))).append(". Fixtures: ")
          .append(count(contract.examplesByModerationKind.get(kind.kind()))).append(".</p>\n");
    }
    if (!page.containers.isEmpty()) {
      html.append("<h2 id=\"nodes\">Nodes</h2>\n");
      for (DocNode container : page.containers) {
        table(site, page, container, html);
      }
    }
    if (!page.differences.isEmpty()) {
      differences(site, page, new java.util.ArrayList<>(page.differences), html);
    }
    if (!page.examples.isEmpty()) {
      html.append("<h2 id=\"examples\">Examples</h2>\n");
      for (Contract.Example example : page.examples) {
        html.append("<h3 id=\"example-").append(esc(example.file().replace('/', '-'))).append("\">")
            .append(esc(example.file())).append("</h3>\n<p class=\"").append(example.valid() ? "valid" : "invalid")
            .append("\">").append(esc(example.note())).append("</p>\n<pre>")
            .append(esc(example.content().stripTrailing())).append("</pre>\n");
      }
    }
    html.append("</main>\n</div>\n<footer>").append(withCode(Overview.GENERATED)).append("</footer>\n")
        .append("</body>\n</html>\n");
    return html.toString();
  }

  private static void head(String title, StringBuilder html) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
  }

  private static String pageLink(Site.Page page, String text) {
    return "<a href=\"" + page.html() + "\">" + esc(text) + "</a>";
  }

  private static String parts(Site site, Site.Page from, List<DocNode> parts) {
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      links.append(i > 0 ? ", " : "").append("<a href=\"").append(site.href(parts.get(i), from, true)).append("\">")
          .append(esc(parts.get(i).name)).append("</a>");
    }
    return parts.isEmpty() ? "the common parts only" : links.toString();
  }

  private static List<Integer> allNumbers(Contract contract) {
    List<Integer> numbers = new java.util.ArrayList<>();
    for (int i = 1; i <= contract.differences.size(); i++) {
      numbers.add(i);
    }
    return numbers;
  }

  /**
   * The search box of the index: a list of every page and every container, each a link, of which the typed text
   * shows the first 50 that contain it. The script is the page's own, a few lines; nothing is loaded.
   */
  private static void search(Site site, StringBuilder html) {
    html.append("<section id=\"search\"><label for=\"search-box\">Find a node, Tag or page <span lang=\"zh\">")
        .append("查找节点、任务类型或页面</span></label>\n<input id=\"search-box\" type=\"search\" autocomplete=\"off\"")
        .append(" placeholder=\"Snapshot, TtsConfig, PornInfo, Md5 ...\">\n<ul id=\"search-results\">\n");
    for (Site.Page page : site.pages) {
      if (page != site.index) {
        html.append("<li><a href=\"").append(page.html()).append("\">").append(esc(page.title)).append("</a></li>\n");
      }
    }
    for (Site.Page page : site.pages) {
      for (DocNode container : page.containers) {
        html.append("<li><a href=\"").append(page.html()).append("#").append(container.anchor()).append("\">")
            .append(esc(container.label())).append("</a></li>\n");
      }
    }
    html.append("</ul></section>\n");
  }

  private static final String SEARCH_SCRIPT = """
      <script>
      (function () {
        var box = document.getElementById("search-box"), items = document.getElementById("search-results").children;
        box.addEventListener("input", function () {
          var query = box.value.trim().toLowerCase(), shown = 0;
          for (var i = 0; i < items.length; i++) {
            var hit = query.length > 1 && shown < 50 && items[i].textContent.toLowerCase().indexOf(query) >= 0;
            items[i].className = hit ? "hit" : "";
            shown += hit ? 1 : 0;
          }
        });
      })();
      </script>
      """;

  /** The index of the moderation kinds: each kind's event, its own JobsDetail parts and its fixtures. */
  private static void moderationKinds(Site site, StringBuilder html) {
    Contract contract = site.contract;
    html.append("<h2 id=\"by-moderation-kind\">By moderation kind <span lang=\"zh\">")
        .append(esc(Overview.BY_MODERATION_KIND_TITLE_ZH)).append("</span></h2>\n<p>")
        .append(esc(Overview.BY_MODERATION_KIND[0])).append("</p>\n<p class=\"zh\" lang=\"zh\">")
        .append(esc(Overview.BY_MODERATION_KIND[1])).append("</p>\n")
        .append("<table class=\"tags\">\n<colgroup><col class=\"tag\"><col class=\"tag\"><col><col class=\"fixtures\">")
        .append("</colgroup>\n<tr><th>Kind</th><th>EventName</th><th>Its own JobsDetail parts</th><th>Fixtures</th></tr>\n");
    for (Map.Entry<Contract.ModerationKind, List<DocNode>> kind : contract.moderationKinds.entrySet()) {
      html.append("<tr><td id=\"moderation-kind-").append(esc(kind.getKey().kind())).append("\">")
          .append(pageLink(site.moderationKinds.get(kind.getKey().kind()), kind.getKey().title()))
          .append("<span class=\"sub zh\" lang=\"zh\">")
          .append(esc(kind.getKey().titleZh())).append("</span></td><td>").append(esc(kind.getKey().event()))
          .append("</td><td>").append(parts(site, site.index, kind.getValue())).append("</td><td>")
          .append(count(contract.examplesByModerationKind.get(kind.getKey().kind()))).append("</td></tr>\n");
    }
    DocNode data = contract.moderationSimple.child("data");
    html.append("<tr><td>").append(pageLink(site.moderationSimple, "Simple form"))
        .append("<span class=\"sub zh\" lang=\"zh\">简洁回调</span></td><td><a href=\"")
        .append(site.href(data.child("event"), site.index, true)).append("\">event</a> under data</td><td><a href=\"")
        .append(site.href(data, site.index, true)).append("\">data</a> under Response</td><td>")
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

  /** The differences, each under its number (kept across pages), with links to the nodes it concerns. */
  private static void differences(Site site, Site.Page page, List<Integer> numbers, StringBuilder html) {
    Contract contract = site.contract;
    html.append("<h2 id=\"differences\">Differences from Tencent's published docs <span lang=\"zh\">")
        .append(esc(Overview.DIFFERENCES_TITLE_ZH)).append("</span></h2>\n<p>").append(esc(Overview.DIFFERENCES[0]))
        .append("</p>\n<p class=\"zh\" lang=\"zh\">").append(esc(Overview.DIFFERENCES[1])).append("</p>\n")
        .append("<p>Tencent's documentation <span lang=\"zh\">腾讯云文档</span>: ").append(tencentLinks())
        .append("</p>\n<ul class=\"differences\">\n");
    List<String> keys = new java.util.ArrayList<>(contract.differences.keySet());
    for (int number : numbers) {
      String english = keys.get(number - 1);
      String chinese = contract.differencesZh.get(english);
      html.append("<li id=\"difference-").append(number).append("\"><span class=\"diff\">≠").append(number)
          .append("</span> ").append(esc(english));
      if (chinese != null) {
        html.append("<span class=\"sub zh\" lang=\"zh\">").append(esc(chinese)).append("</span>");
      }
      html.append("<span class=\"sub\">Nodes <span lang=\"zh\">节点</span>: ");
      List<DocNode> nodes = contract.differences.get(english);
      for (int i = 0; i < nodes.size(); i++) {
        html.append(i > 0 ? ", " : "").append("<a href=\"").append(site.href(nodes.get(i), page, true)).append("\">")
            .append(esc(nodes.get(i).label())).append("</a>");
      }
      html.append("</span></li>\n");
    }
    html.append("</ul>\n");
  }

  private static void indexTree(Site site, DocNode node, int depth, int maxDepth, StringBuilder html) {
    String link = "<a href=\"" + site.href(node, site.index, true) + "\">" + esc(node.name)
        + "</a> <span class=\"card\">" + node.shortCardinality() + "</span>";
    if (node.children.isEmpty() || depth >= maxDepth || site.sameTypeAs(node) != null) {
      html.append("<li>").append(link).append("</li>\n");
      return;
    }
    html.append("<li><details").append(depth < 2 ? " open" : "").append("><summary>").append(link)
        .append("</summary>\n<ul>\n");
    for (DocNode child : node.children) {
      indexTree(site, child, depth + 1, maxDepth, html);
    }
    html.append("</ul></details></li>\n");
  }

  /** The page's part of a tree: a container on another page is a link, not expanded. */
  private static void tree(Site site, Site.Page page, DocNode node, StringBuilder html) {
    String link = "<a href=\"" + site.href(node, page, true) + "\">" + esc(node.name) + "</a> <span class=\"card\">"
        + node.shortCardinality() + "</span>";
    if (node.children.isEmpty() || !node.container || site.sameTypeAs(node) != null || site.pageOf(node) != page) {
      html.append("<li>").append(link).append("</li>\n");
      return;
    }
    html.append("<li><details open><summary>").append(link).append("</summary>\n<ul>\n");
    for (DocNode child : node.children) {
      tree(site, page, child, html);
    }
    html.append("</ul></details></li>\n");
  }

  /** A container's children: the container is the heading, once, not a column of every row. */
  private static void table(Site site, Site.Page page, DocNode node, StringBuilder html) {
    Contract contract = site.contract;
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
      DocNode described = site.sameTypeAs(child);
      String target = described == null ? site.href(child, page, true) : site.href(described, page, true);
      String name = child.container ? "<a href=\"" + target + "\">" + esc(child.name) + "</a>" : esc(child.name);
      html.append("<tr id=\"").append(child.container ? "row-" : "").append(child.anchor()).append("\"")
          .append(described == null ? "" : " class=\"same-type\"").append("><td><code>")
          .append(name).append("</code></td><td class=\"card\">").append(child.shortCardinality()).append("</td><td>")
          .append(child.container ? "Container" : esc(child.typeName))
          .append(described == null ? "" : "<span class=\"sub\">type " + esc(child.typeName) + ", as <a href=\""
              + target + "\">" + esc(described.label()).replace("/", "/<wbr>") + "</a></span>");
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
