// Draws every .timeline[data-api] with vis-timeline from the JSON API. Item labels are DOM
// text nodes, never HTML; selecting an item opens the sentence that reports the event.
"use strict";

(function () {
  function label(item) {
    var span = document.createElement("span");
    span.textContent = item.content;
    span.title = item.title;
    return span;
  }

  function listItem(item) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = item.href;
    a.textContent = item.content;
    li.appendChild(a);
    li.appendChild(document.createTextNode(" " + item.start.slice(0, 10) + (item.article_title ? " · " + item.article_title : "")));
    return li;
  }

  function draw(container) {
    fetch(container.getAttribute("data-api"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var items = data.items.map(function (item) {
          var out = { id: item.id, start: item.start, content: label(item), className: item.approximate ? "approx" : "", href: item.href };
          if (item.end) { out.end = item.end; out.type = "range"; } else { out.type = "point"; }
          return out;
        });
        container.setAttribute("data-count", String(items.length));
        var list = container.id === "timeline" ? document.getElementById("timeline-list") : null;
        if (list) data.items.forEach(function (item) { list.appendChild(listItem(item)); });
        if (!items.length) {
          container.textContent = "No dated events match.";
          return;
        }
        var dataset = new vis.DataSet(items);
        var timeline = new vis.Timeline(container, dataset, { zoomable: true, stack: true, maxHeight: container.classList.contains("big") ? 600 : 300, xss: { disabled: false } });
        timeline.on("select", function (props) {
          if (props.items.length) {
            var chosen = dataset.get(props.items[0]);
            if (chosen && chosen.href) window.location.href = chosen.href;
          }
        });
        container.classList.add("drawn");
      })
      .catch(function (err) { container.textContent = "The timeline could not be loaded (" + err.message + ")."; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".timeline[data-api]").forEach(draw);
  });
})();
