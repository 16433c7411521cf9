// Draws the speakers–claims–entities graph with vis-network from the JSON API. Labels are
// drawn on a canvas and tooltips are DOM text, so no value is ever parsed as HTML.
"use strict";

(function () {
  var COLORS = { speaker: "#c9f2c9", entity: "#d6e4ff", claim: "#fff3b0" };

  function tooltip(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("network");
    if (!container) return;
    fetch(container.getAttribute("data-api"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (graph) {
        container.setAttribute("data-nodes", String(graph.nodes.length));
        if (!graph.nodes.length) { container.textContent = "No statements match."; return; }
        var hrefs = {};
        var names = document.getElementById("network-names");
        var list = document.getElementById("network-list");
        var nodes = graph.nodes.map(function (n) {
          var kind = n.kind.split(" ")[0];
          hrefs[n.id] = n.href;
          if (kind !== "claim") { var o = document.createElement("option"); o.value = n.label; names.appendChild(o); }
          var li = document.createElement("li"); var a = document.createElement("a");
          a.href = n.href; a.textContent = n.label; li.appendChild(a);
          li.appendChild(document.createTextNode(" (" + kind + ")")); list.appendChild(li);
          return { id: n.id, label: n.label, title: tooltip(n.title), shape: kind === "claim" ? "box" : "ellipse",
                   color: COLORS[kind] || "#eee", font: { size: kind === "claim" ? 11 : 15 }, widthConstraint: kind === "claim" ? { maximum: 180 } : undefined };
        });
        var edges = graph.edges.map(function (e) {
          return { from: e.source, to: e.target, arrows: e.kind === "said" ? "to" : "", dashes: e.kind !== "said" };
        });
        var data = { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) };
        var network = new vis.Network(container, data, { physics: { stabilization: { iterations: 150 } }, interaction: { hover: true, keyboard: true } });
        network.on("doubleClick", function (p) { if (p.nodes.length && hrefs[p.nodes[0]]) window.location.href = hrefs[p.nodes[0]]; });
        network.on("selectNode", function (p) { container.setAttribute("data-selected", p.nodes[0]); });
        var find = document.getElementById("network-find");
        function go() {
          var wanted = find.value.trim().toLowerCase();
          if (!wanted) return;
          var hit = nodes.filter(function (n) { return n.label.toLowerCase().indexOf(wanted) >= 0; })[0];
          if (!hit) { find.setCustomValidity("No node matches"); find.reportValidity(); return; }
          find.setCustomValidity("");
          network.selectNodes([hit.id]);
          network.focus(hit.id, { scale: 1.2, animation: true });
          container.setAttribute("data-selected", hit.id);
        }
        document.getElementById("network-find-go").addEventListener("click", go);
        find.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); go(); } });
        network.once("stabilizationIterationsDone", function () { container.classList.add("drawn"); });
        container.classList.add("drawn");
      })
      .catch(function (err) { container.textContent = "The network could not be loaded (" + err.message + ")."; });
  });
})();
