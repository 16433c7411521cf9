// Draws the speakers–claims–entities graph with vis-network from the JSON API. Labels are
// drawn on a canvas and tooltips are DOM text, so no value is ever parsed as HTML. Once the
// layout settles, the most connected nodes get labels sized to read at that zoom; the others
// show theirs when zoomed in. The legend's boxes hide or show a kind of node.
"use strict";

(function () {
  var COLORS = { speaker: "#c9f2c9", entity: "#d6e4ff", claim: "#fff3b0" };
  // The stances' colours of the stylesheet (--asserted, --neutral...), as quotes have them.
  var STANCE_COLORS = { asserted: "#e8eefc", neutral: "#fff3b0", hedged: "#ffe0a6", endorsed: "#d2f5d2", disputed: "#ffc9c9" };
  var LABELLED = 12;     // nodes labelled at the first view, the most connected first
  var READABLE_PX = 13;  // their labels' size on screen, whatever the zoom that fits the graph

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
        var ranked = graph.nodes.slice().sort(function (a, b) { return b.degree - a.degree || a.label.localeCompare(b.label); });
        var top = {};
        ranked.slice(0, LABELLED).forEach(function (n) { top[n.id] = true; });
        var nodes = graph.nodes.map(function (n) {
          var parts = n.kind.split(" ");
          var kind = parts[0];
          hrefs[n.id] = n.href;
          if (kind !== "claim") { var o = document.createElement("option"); o.value = n.label; names.appendChild(o); }
          var li = document.createElement("li"); var a = document.createElement("a");
          a.href = n.href; a.textContent = n.label; li.appendChild(a);
          li.appendChild(document.createTextNode(" (" + kind + (n.type ? ", " + n.type : "") + ", " + n.degree + " links)")); list.appendChild(li);
          var color = kind === "claim" ? (STANCE_COLORS[parts[1]] || COLORS.claim) : COLORS[kind] || "#eee";
          return { id: n.id, label: n.label, title: tooltip(n.title), kind: kind, value: n.degree + 1,
                   shape: kind === "claim" ? "box" : "ellipse", color: { background: color, border: "#5b6670" },
                   font: { size: 12, color: "#1d2329" }, widthConstraint: kind === "claim" ? { maximum: 220 } : undefined };
        });
        var edges = graph.edges.map(function (e) {
          return { from: e.source, to: e.target, arrows: e.kind === "said" ? "to" : "", dashes: e.kind !== "said", color: { color: "#8a949c" } };
        });
        var nodeSet = new vis.DataSet(nodes);
        var hidden = {};
        var view = new vis.DataView(nodeSet, { filter: function (n) { return !hidden[n.kind]; } });
        var network = new vis.Network(container, { nodes: view, edges: new vis.DataSet(edges) }, {
          physics: { stabilization: { iterations: 200 }, barnesHut: { springLength: 140 } },
          interaction: { hover: true, keyboard: true },
          nodes: { scaling: { min: 10, max: 40, label: { enabled: false } } }
        });

        function sizeLabels() {
          var scale = network.getScale();
          var size = READABLE_PX / scale;
          var small = Math.max(4, 11 / Math.max(scale, 0.3));
          nodeSet.update(nodes.map(function (n) {
            return { id: n.id, font: { size: top[n.id] ? size : small, color: top[n.id] ? "#1d2329" : "#5b6670" } };
          }));
          var readable = nodes.filter(function (n) { return top[n.id]; }).map(function (n) { return n.id; });
          container.setAttribute("data-labelled", readable.join("\n"));
          container.setAttribute("data-label-px", String(Math.round(size * scale)));
        }

        network.on("doubleClick", function (p) { if (p.nodes.length && hrefs[p.nodes[0]]) window.location.href = hrefs[p.nodes[0]]; });
        network.on("selectNode", function (p) { container.setAttribute("data-selected", p.nodes[0]); });
        var find = document.getElementById("network-find");
        function go() {
          var wanted = find.value.trim().toLowerCase();
          if (!wanted) return;
          var hit = nodes.filter(function (n) { return !hidden[n.kind] && n.label.toLowerCase().indexOf(wanted) >= 0; })[0];
          if (!hit) { find.setCustomValidity("No node matches"); find.reportValidity(); return; }
          find.setCustomValidity("");
          network.selectNodes([hit.id]);
          network.focus(hit.id, { scale: 1.2, animation: true });
          container.setAttribute("data-selected", hit.id);
        }
        document.getElementById("network-find-go").addEventListener("click", go);
        find.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); go(); } });
        document.querySelectorAll(".n-kind").forEach(function (box) {
          box.addEventListener("change", function () {
            hidden[box.value] = !box.checked;
            view.refresh();
            container.setAttribute("data-shown", String(view.length));
          });
        });
        var settled = false;
        function settle() {
          if (settled) return;
          settled = true;
          network.fit();
          sizeLabels();
          container.classList.add("drawn");
        }
        network.once("stabilizationIterationsDone", settle);
        window.setTimeout(settle, 4000);  // a graph too small to need stabilising
        container.setAttribute("data-shown", String(view.length));
      })
      .catch(function (err) { container.textContent = "The network could not be loaded (" + err.message + ")."; });
  });
})();
