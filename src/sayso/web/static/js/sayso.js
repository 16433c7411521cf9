// Progressive enhancement for the article page: a click on a highlighted quote fills the
// statement panel from the API instead of reloading the page. Every value is put into the
// page with textContent, never as HTML.
"use strict";

(function () {
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function entityLink(name, text) {
    var a = el("a", null, text);
    a.href = "/entities/" + encodeURIComponent(name);
    return a;
  }

  function statementLink(row) {
    var a = el("a", null, "“" + row.content + "”");
    a.href = "/articles/" + encodeURIComponent(row.article_id) + "?statement=" +
      encodeURIComponent(row.statement_id) + "#statement-detail";
    return a;
  }

  function badge(stance) {
    return el("span", "badge st-" + String(stance).replace(/[^a-z_]/g, ""), stance);
  }

  function renderDetail(panel, data) {
    var view = data.statement;
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.appendChild(el("h2", null, "Statement"));
    var dl = el("dl", "detail");
    function row(term, content) {
      dl.appendChild(el("dt", null, term));
      var dd = el("dd");
      content.forEach(function (c) { dd.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
      dl.appendChild(dd);
      return dd;
    }
    row("Said", ["“" + view.content + "”"]).className = "said";
    var speaker = view.speaker_entity ? entityLink(view.speaker_entity, view.speaker) : view.speaker;
    row("Speaker", [speaker, " ", el("small", null, "(" + view.kind + (view.cue ? ", cue “" + view.cue + "”" : "") + ")")]);
    var chain = el("ol", "chain");
    chain.setAttribute("aria-label", "Attribution chain, from the page back to the source");
    view.chain.forEach(function (hop, i) {
      var li = el("li", "hop role-" + String(hop.role).replace(/[^a-z_]/g, ""));
      if (i > 0) { var arrow = el("span", "arrow", "←"); arrow.setAttribute("aria-hidden", "true"); li.appendChild(arrow); li.appendChild(document.createTextNode(" ")); }
      li.appendChild(hop.entity_name ? entityLink(hop.entity_name, hop.text) : document.createTextNode(hop.text));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("small", null, hop.role));
      chain.appendChild(li);
    });
    row("Chain", [chain]);
    var stance = [badge(view.stance)];
    if (view.stance_cues.length) {
      stance.push(" decided by ");
      view.stance_cues.forEach(function (c, i) { if (i) stance.push(", "); stance.push(el("mark", "decider", c)); });
    }
    if (view.stance_rule) { stance.push(" "); stance.push(el("small", null, "rule " + view.stance_rule)); }
    row("Stance", stance);
    var elsewhere;
    if (data.appearances.length) {
      elsewhere = el("ul", "appearances");
      data.appearances.forEach(function (r) {
        var li = el("li");
        li.appendChild(statementLink(r));
        li.appendChild(document.createTextNode(" — " + (r.speaker_name || r.speaker || "(unknown)") + ", "));
        li.appendChild(badge(r.stance));
        li.appendChild(document.createTextNode(" in " + (r.title || r.article_id) + (r.outlet ? " (" + r.outlet + ")" : "")));
        elsewhere.appendChild(li);
      });
    } else {
      elsewhere = document.createTextNode("Not found elsewhere in the corpus.");
    }
    row("Elsewhere", [elsewhere]);
    panel.appendChild(dl);
  }

  function enhanceArticle() {
    var article = document.querySelector("article[data-article]");
    var panel = document.getElementById("statement-detail");
    if (!article || !panel) return;
    var stored = article.getAttribute("data-stored") === "yes";
    var articleId = article.getAttribute("data-article");
    article.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-statement]") : null;
      if (!link) return;
      var sid = link.getAttribute("data-statement");
      document.querySelectorAll("a.q.selected").forEach(function (a) { a.classList.remove("selected"); });
      document.querySelectorAll('a[data-statement="' + CSS.escape(sid) + '"]').forEach(function (a) { a.classList.add("selected"); });
      if (!stored) {
        var item = document.getElementById("stmt-" + sid);
        if (item) { var d = item.querySelector("details"); if (d) d.open = true; }
        return;
      }
      event.preventDefault();
      var url = "/api/articles/" + encodeURIComponent(articleId) + "/statements/" + encodeURIComponent(sid);
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          renderDetail(panel, data);
          panel.focus({ preventScroll: window.innerWidth > 832 });
          history.replaceState(null, "", link.getAttribute("href"));
        })
        .catch(function () { window.location.href = link.getAttribute("href"); });
    });
  }

  document.addEventListener("DOMContentLoaded", enhanceArticle);
})();
