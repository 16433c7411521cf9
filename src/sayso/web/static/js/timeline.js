// Draws every .timeline[data-api] with vis-timeline from the JSON API: one lane per actor (or
// per chosen entity), each event labelled as a short sentence. Where the labels of a lane would
// stack more than MAX_ROWS deep at the visible window, the events of one lane and one month (or
// year) are drawn as one item that counts them; zooming in, or selecting it, opens them. Labels
// are DOM text nodes, never HTML; selecting an event opens the sentence that reports it.
"use strict";

(function () {
  var DAY = 86400000;
  var MAX_ROWS = 3;       // rows of labels a lane may stack before its events are counted instead
  var CHAR_PX = 7.2;      // the average width of a label character at the items' font size
  var ITEM_PAD_PX = 26;   // a point item's dot, padding and margin around its label
  var UNITS = ["each", "month", "year"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function text(value, title) {
    var span = document.createElement("span");
    span.textContent = value;
    if (title) span.title = title;
    return span;
  }

  function time(iso) { return new Date(iso + "T00:00:00Z").getTime(); }

  function bucket(ms, unit) {
    var d = new Date(ms);
    var y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (unit === "year") return { key: String(y), name: String(y), start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
    return { key: y + "-" + m, name: MONTHS[m] + " " + y, start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  }

  // The items to draw at one unit: every event ("each"), or per lane and month (or year) one
  // box counting the events there, an event alone in its month (or year) drawn as itself.
  function itemsAt(events, unit) {
    if (unit === "each") return events.map(function (e) { return { event: e, at: e.at, label: e.item.content, group: e.group }; });
    var buckets = {}, order = [];
    events.forEach(function (e) {
      var b = bucket(e.at, unit);
      var key = e.group + "|" + b.key;
      if (!buckets[key]) { buckets[key] = { b: b, group: e.group, members: [] }; order.push(key); }
      buckets[key].members.push(e);
    });
    return order.map(function (key) {
      var found = buckets[key];
      if (found.members.length === 1) {
        var e = found.members[0];
        return { event: e, at: e.at, label: e.item.content, group: e.group };
      }
      var label = found.members.length + " events · " + found.b.name;
      return { cluster: key, members: found.members, at: (found.b.start + found.b.end) / 2, label: label,
               group: found.group, window: [found.b.start, found.b.end], unit: unit };
    });
  }

  // How many rows of labels the fullest lane would stack in the window, each label as wide as
  // its text.
  function rowsNeeded(items, msPerPx, low, high) {
    var lanes = {}, most = 0;
    var near = items.filter(function (item) {
      return item.at <= high && item.at + (item.label.length * CHAR_PX + ITEM_PAD_PX) * msPerPx >= low;
    });
    near.sort(function (a, b) { return a.at - b.at; }).forEach(function (item) {
      var left = item.at, right = item.at + (item.label.length * CHAR_PX + ITEM_PAD_PX) * msPerPx;
      var rows = lanes[item.group] = lanes[item.group] || [];
      var row = 0;
      while (row < rows.length && rows[row] > left) row++;
      rows[row] = right;
      most = Math.max(most, rows.length);
    });
    return most;
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
        var plotWidth = Math.max(container.clientWidth - 200, 200);  // less the lanes' labels

        // A window from the first of ``members`` to past the last one's label: the one label
        // drawn to the right of its point must end inside the drawing.
        function windowFor(members) {
          var first = Math.min.apply(null, members.map(function (e) { return e.at; }));
          var last = Math.max.apply(null, members.map(function (e) { return e.at; }));
          var widest = Math.max.apply(null, members.map(function (e) { return e.item.content.length * CHAR_PX + ITEM_PAD_PX; }));
          var share = Math.min(widest / plotWidth, 0.7);
          var span = Math.max(last - first, 30 * DAY) / (1 - share);
          return [first - span * 0.03, first + span * 1.03];
        }
        var initial = windowFor(events);
        var timeline = new vis.Timeline(container, shown, groups, {
          zoomable: true, stack: true, showTooltips: true, showCurrentTime: false, orientation: { axis: "top" },
          start: new Date(initial[0]), end: new Date(initial[1]),
          zoomMin: 7 * DAY, maxHeight: container.classList.contains("big") ? 640 : 320,
          groupOrder: "order", margin: { item: { horizontal: 6, vertical: 6 } },
          tooltip: { followMouse: true, overflowMethod: "cap" }, xss: { disabled: false }
        });
        var mode = null;
        var opened = null;  // a group the reader opened: finer units while the window stays on it

        function toDraw(item) {
          if (item.cluster) {
            return { id: "cluster:" + item.cluster, group: item.group, type: "point", start: new Date(item.at),
                     content: text(item.label), title: item.label + ": select to open them", className: "cluster",
                     window: item.window, unit: item.unit, members: item.members };
          }
          var found = item.event.item;
          return { id: found.id, group: item.group, start: new Date(item.at), type: "point",
                   content: text(found.content), title: found.title, href: found.href,
                   className: found.approximate ? "approx" : "" };
        }

        var lanes = {};
        events.forEach(function (e) { (lanes[e.group] = lanes[e.group] || []).push(e); });

        // Each lane at the finest unit whose labels stack at most MAX_ROWS deep in the window
        // (a lane the reader opened a group of, one unit finer than that group at most).
        function render() {
          var win = timeline.getWindow();
          var low = win.start.getTime(), high = win.end.getTime();
          var msPerPx = (high - low) / plotWidth;
          if (opened && (low < opened.low || high > opened.high)) opened = null;
          var units = {}, out = [], coarsest = 0;
          Object.keys(lanes).forEach(function (lane) {
            var last = UNITS.length - 1;
            if (opened && opened.group === lane) last = UNITS.indexOf(opened.unit) - 1;
            var best = null;
            for (var i = 0; i <= last; i++) {
              var items = itemsAt(lanes[lane], UNITS[i]);
              var rows = rowsNeeded(items, msPerPx, low, high);
              if (best === null || rows < best.rows) best = { index: i, items: items, rows: rows };
              if (rows <= MAX_ROWS) break;
            }
            units[lane] = UNITS[best.index];
            coarsest = Math.max(coarsest, best.index);
            out = out.concat(best.items);
          });
          var key = JSON.stringify(units);
          if (key === mode) return;
          mode = key;
          shown.clear();
          shown.add(out.map(toDraw));
          container.setAttribute("data-mode", UNITS[coarsest]);
        }

        render();
        timeline.on("rangechanged", render);
        timeline.on("select", function (props) {
          if (!props.items.length) return;
          var chosen = shown.get(props.items[0]);
          if (!chosen) return;
          if (chosen.window) {
            var around = windowFor(chosen.members);
            var span = around[1] - around[0];
            opened = { unit: chosen.unit, group: chosen.group, low: around[0] - span * 0.5, high: around[1] + span * 0.5 };
            timeline.setWindow(around[0], around[1]);
          } else if (chosen.href) {
            window.location.href = chosen.href;
          }
        });
        // Items are measured and stacked over a redraw or two: mark the drawing done once a
        // redraw with items has been painted.
        timeline.on("changed", function () {
          if (container.classList.contains("drawn") || !container.querySelector(".vis-item")) return;
          window.requestAnimationFrame(function () { container.classList.add("drawn"); });
        });
      })
      .catch(function (err) { container.textContent = "The timeline could not be loaded (" + err.message + ")."; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".timeline[data-api]").forEach(draw);
  });
})();
