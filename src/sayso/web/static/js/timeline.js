// Draws every .timeline[data-api] with vis-timeline from the JSON API: one lane per actor (or
// per chosen entity), each event labelled as a short sentence. Where events crowd the visible
// window, those of one lane and one year (or month) are drawn as one box that counts them;
// zooming in, or selecting the box, opens them. Labels are DOM text nodes, never HTML;
// selecting an event opens the sentence that reports it.
"use strict";

(function () {
  var DAY = 86400000;
  var CROWDED = 14;       // more events than this in view: count them by year or month
  var BY_YEAR = 3 * 365 * DAY;  // a window wider than this counts by year, else by month
  var EVERY_DAY = 62 * DAY;     // a window narrower than this shows every event
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function text(value, title) {
    var span = document.createElement("span");
    span.textContent = value;
    if (title) span.title = title;
    return span;
  }

  function time(iso) { return new Date(iso + "T00:00:00Z").getTime(); }

  function bucket(ms, byYear) {
    var d = new Date(ms);
    var y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (byYear) return { key: String(y), name: String(y), start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
    return { key: y + "-" + m, name: MONTHS[m] + " " + y, start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  }

  function draw(container) {
    fetch(container.getAttribute("data-api"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var events = data.items.map(function (item) {
          return { id: item.id, group: item.group, at: time(item.start), item: item };
        });
        container.setAttribute("data-count", String(events.length));
        if (!events.length) {
          container.textContent = "No dated events match" + (data.undated.length ? " (see the events not on the time axis below)." : ".");
          return;
        }
        var groups = new vis.DataSet(data.groups.map(function (g, i) {
          return { id: g.id, content: text(g.content), order: i };
        }));
        var shown = new vis.DataSet();
        var first = Math.min.apply(null, events.map(function (e) { return e.at; }));
        var last = Math.max.apply(null, events.map(function (e) { return e.at; }));
        var pad = Math.max((last - first) * 0.15, 45 * DAY);
        var timeline = new vis.Timeline(container, shown, groups, {
          zoomable: true, stack: true, showTooltips: true, orientation: { axis: "top" },
          start: new Date(first - pad), end: new Date(last + pad),
          zoomMin: 7 * DAY, maxHeight: container.classList.contains("big") ? 640 : 320,
          groupOrder: "order", margin: { item: { horizontal: 6, vertical: 6 } },
          tooltip: { followMouse: true, overflowMethod: "cap" }, xss: { disabled: false }
        });
        var mode = null;

        function eventItem(e) {
          var item = e.item;
          return { id: item.id, group: e.group, start: new Date(e.at), type: "box",
                   content: text(item.content), title: item.title, href: item.href,
                   className: item.approximate ? "approx" : "" };
        }

        function render() {
          var win = timeline.getWindow();
          var low = win.start.getTime(), high = win.end.getTime();
          var visible = events.filter(function (e) { return e.at >= low && e.at <= high; });
          var byYear = high - low > BY_YEAR;
          var crowded = visible.length > CROWDED && high - low > EVERY_DAY;
          var next = crowded ? (byYear ? "year" : "month") : "each";
          if (next === mode) return;
          mode = next;
          var out = [];
          if (mode === "each") {
            events.forEach(function (e) { out.push(eventItem(e)); });
          } else {
            var buckets = {};
            events.forEach(function (e) {
              var b = bucket(e.at, mode === "year");
              var key = e.group + "|" + b.key;
              (buckets[key] = buckets[key] || { b: b, group: e.group, members: [] }).members.push(e);
            });
            Object.keys(buckets).forEach(function (key) {
              var found = buckets[key];
              if (found.members.length === 1) { out.push(eventItem(found.members[0])); return; }
              var label = found.members.length + " events · " + found.b.name;
              out.push({ id: "cluster:" + key, group: found.group, type: "box",
                         start: new Date((found.b.start + found.b.end) / 2), content: text(label),
                         title: label + ": select to open them", className: "cluster",
                         window: [found.b.start, found.b.end] });
            });
          }
          shown.clear();
          shown.add(out);
          container.setAttribute("data-mode", mode);
        }

        render();
        timeline.on("rangechanged", render);
        timeline.on("select", function (props) {
          if (!props.items.length) return;
          var chosen = shown.get(props.items[0]);
          if (!chosen) return;
          if (chosen.window) {
            var span = chosen.window[1] - chosen.window[0];
            timeline.setWindow(chosen.window[0] - span * 0.1, chosen.window[1] + span * 0.1);
          } else if (chosen.href) {
            window.location.href = chosen.href;
          }
        });
        timeline.once("changed", function () { container.classList.add("drawn"); });
      })
      .catch(function (err) { container.textContent = "The timeline could not be loaded (" + err.message + ")."; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".timeline[data-api]").forEach(draw);
  });
})();
