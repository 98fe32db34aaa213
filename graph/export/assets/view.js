// fengong offline graph view: a small canvas force layout in plain JavaScript (no libraries).
// Data: {labels, types, colours, relColours, sizes, captions, nodes: [[uid, label, caption, props]],
//        edges: [[src, dst, type, props]]}. Filters mirror fengong.graph.export.filters.
(function () {
  "use strict";
  var G = JSON.parse(document.getElementById("fengong-data").textContent);
  var N = G.nodes.length, E = G.edges.length, body = document.body;
  var LBL = {}, TYP = {};
  G.labels.forEach(function (l, i) { LBL[l] = i; });
  G.types.forEach(function (t, i) { TYP[t] = i; });
  var lab = new Int32Array(N), x = new Float64Array(N), y = new Float64Array(N), rad = new Float64Array(N);
  var src = new Int32Array(E), dst = new Int32Array(E), typ = new Int32Array(E);
  var out = [], inn = [], leads = new Int32Array(N), i, j;
  for (i = 0; i < N; i++) { lab[i] = G.nodes[i][1]; out.push([]); inn.push([]); }
  for (j = 0; j < E; j++) {
    var e = G.edges[j];
    src[j] = e[0]; dst[j] = e[1]; typ[j] = e[2];
    out[e[0]].push(j); inn[e[1]].push(j);
    // A unit "leads" a task when named 牵头, or listed first with no stated lead (责任1).
    if (e[2] === TYP.LEADS || (e[2] === TYP.RESPONSIBLE_FOR && e[3].rank === 1)) leads[e[0]]++;
  }
  for (i = 0; i < N; i++) {
    var base = (G.sizes[G.labels[lab[i]]] || 50) / 9;
    rad[i] = lab[i] === LBL.Unit ? 3.5 + 2.6 * Math.sqrt(leads[i]) : base;
  }
  function props(i) { return G.nodes[i][3]; }
  function lbl(i) { return G.labels[lab[i]]; }

  // ---- scope: the same rules as the Python exporter ------------------------------------
  var vis = new Uint8Array(N), evis = new Uint8Array(E);
  function addAll(set, arr) { for (var k = 0; k < arr.length; k++) set[arr[k]] = 1; }
  function along(nodes, type, forward, docs) {
    var res = [], seen = {};
    nodes.forEach(function (n) {
      (forward ? out[n] : inn[n]).forEach(function (k) {
        if (typ[k] !== type) return;
        if (docs && !docs[G.edges[k][3].document]) return;
        var m = forward ? dst[k] : src[k];
        if (!seen[m]) { seen[m] = 1; res.push(m); }
      });
    });
    return res;
  }
  function computeScope(f) {
    vis.fill(0); evis.fill(0);
    if (!f.jurisdiction && !f.topic && !f.document) { vis.fill(1); evis.fill(1); return; }
    var places = null;
    if (f.jurisdiction) {
      places = {}; places[f.jurisdiction] = 1;
      var todo = [f.jurisdiction];
      while (todo.length) {
        var p = todo.pop(), pi = nameIndex.Jurisdiction[p];
        if (pi === undefined) continue;
        inn[pi].forEach(function (k) {
          if (typ[k] !== TYP.PART_OF) return;
          var c = props(src[k]).name;
          if (!places[c]) { places[c] = 1; todo.push(c); }
        });
      }
    }
    var docs = [], docIds = {};
    for (i = 0; i < N; i++) {
      if (lab[i] !== LBL.Document) continue;
      var d = props(i);
      if (f.document && d.id !== f.document && d.source !== f.document && d.title !== f.document) continue;
      if (places && !places[d.jurisdiction]) continue;
      docs.push(i); docIds[d.id] = 1;
    }
    var tasks = along(docs, TYP.HAS_TASK, true);
    if (f.topic) {
      var t = f.topic, tl = t.toLowerCase();
      tasks = tasks.filter(function (ti) {
        return out[ti].some(function (k) {
          if (typ[k] !== TYP.ABOUT) return false;
          var tp = props(dst[k]);
          return tp.name === t || (tp.en || "").toLowerCase() === tl;
        });
      });
    }
    var units = [];
    ["LEADS", "COOPERATES", "RESPONSIBLE_FOR"].forEach(function (r) { units = units.concat(along(tasks, TYP[r], false)); });
    addAll(vis, docs); addAll(vis, tasks);
    addAll(vis, along(tasks, TYP.DUE, true)); addAll(vis, along(tasks, TYP.ABOUT, true));
    if (!f.topic) {
      addAll(vis, along(docs, TYP.SETS, true));
      for (j = 0; j < E; j++) {
        if ((typ[j] === TYP.MEMBER_OF || typ[j] === TYP.OFFICE_AT) && docIds[G.edges[j][3].document]) {
          vis[src[j]] = 1; vis[dst[j]] = 1;
          if (typ[j] === TYP.OFFICE_AT) units.push(dst[j]);
        }
      }
    }
    addAll(vis, units);
    addAll(vis, along(units, TYP.OF_TYPE, true));
    var jur = along(docs, TYP.ISSUED_IN, true).concat(along(units, TYP.IN, true));
    while (jur.length) {
      var q = jur.pop();
      if (vis[q]) continue;
      vis[q] = 1;
      jur = jur.concat(along([q], TYP.PART_OF, true));
    }
    for (j = 0; j < E; j++) {
      var doc = G.edges[j][3].document;
      evis[j] = vis[src[j]] && vis[dst[j]] && (doc === undefined || docIds[doc]) ? 1 : 0;
    }
  }
  var nameIndex = {Jurisdiction: {}, Topic: {}};
  for (i = 0; i < N; i++) if (nameIndex[lbl(i)]) nameIndex[lbl(i)][props(i).name] = i;

  // ---- layout: Fruchterman-Reingold with grid-bucketed repulsion -------------------------
  var seed = 7;
  function rnd() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; }
  for (i = 0; i < N; i++) { var a = rnd() * 6.2832, s = Math.sqrt(rnd()) * 30 * Math.sqrt(N); x[i] = Math.cos(a) * s; y[i] = Math.sin(a) * s; }
  function layout(iters) {
    var ids = [];
    for (i = 0; i < N; i++) if (vis[i]) ids.push(i);
    var n = ids.length, k = 30, cell = 4 * k, dx = new Float64Array(N), dy = new Float64Array(N);
    var temp = 6 * k;
    for (var it = 0; it < iters; it++) {
      var grid = new Map();
      ids.forEach(function (v) {
        var key = Math.floor(x[v] / cell) + "," + Math.floor(y[v] / cell);
        var b = grid.get(key); if (b) b.push(v); else grid.set(key, [v]);
        dx[v] = -x[v] * 0.004; dy[v] = -y[v] * 0.004;  // gravity keeps components together
      });
      ids.forEach(function (v) {
        var gx = Math.floor(x[v] / cell), gy = Math.floor(y[v] / cell);
        for (var ox = -1; ox <= 1; ox++) for (var oy = -1; oy <= 1; oy++) {
          var b = grid.get((gx + ox) + "," + (gy + oy)); if (!b) continue;
          for (var m = 0; m < b.length; m++) {
            var w = b[m]; if (w === v) continue;
            var ex = x[v] - x[w], ey = y[v] - y[w], d2 = ex * ex + ey * ey + 0.01;
            if (d2 > cell * cell) continue;
            var f = k * k / d2; dx[v] += ex * f; dy[v] += ey * f;
          }
        }
      });
      for (j = 0; j < E; j++) {
        if (!evis[j]) continue;
        var u = src[j], v2 = dst[j], ex2 = x[v2] - x[u], ey2 = y[v2] - y[u];
        var d = Math.sqrt(ex2 * ex2 + ey2 * ey2) + 0.01, f2 = d / k;
        dx[u] += ex2 * f2; dy[u] += ey2 * f2; dx[v2] -= ex2 * f2; dy[v2] -= ey2 * f2;
      }
      ids.forEach(function (v) {
        var l = Math.sqrt(dx[v] * dx[v] + dy[v] * dy[v]) + 0.01, st = Math.min(l, temp) / l;
        x[v] += dx[v] * st; y[v] += dy[v] * st;
      });
      temp = Math.max(0.5, temp * 0.985);
    }
    return n;
  }

  // ---- drawing ---------------------------------------------------------------------------
  var canvas = document.getElementById("canvas"), ctx = canvas.getContext("2d");
  var scale = 1, tx = 0, ty = 0, selNode = -1, selEdge = -1, hidden = {}, W = 0, H = 0, dpr = 1;
  function resize() {
    dpr = window.devicePixelRatio || 1; W = canvas.clientWidth; H = canvas.clientHeight;
    canvas.width = Math.max(1, W * dpr); canvas.height = Math.max(1, H * dpr);
  }
  function shown(i) { return vis[i] && !hidden[lab[i]]; }
  function fit() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (i = 0; i < N; i++) if (shown(i)) { x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]); y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]); }
    if (x0 === Infinity) { scale = 1; tx = W / 2; ty = H / 2; return; }
    scale = Math.min(W / (x1 - x0 + 60), H / (y1 - y0 + 60), 3);
    tx = W / 2 - scale * (x0 + x1) / 2; ty = H / 2 - scale * (y0 + y1) / 2;
  }
  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * tx, dpr * ty);
    var drawnEdges = 0, drawn = 0;
    ctx.lineWidth = 1 / scale;
    for (j = 0; j < E; j++) {
      if (!evis[j] || !shown(src[j]) || !shown(dst[j])) continue;
      ctx.strokeStyle = G.relColours[G.types[typ[j]]] || "#999";
      ctx.globalAlpha = j === selEdge ? 1 : 0.45;
      ctx.lineWidth = (j === selEdge ? 3 : 1) / scale;
      ctx.beginPath(); ctx.moveTo(x[src[j]], y[src[j]]); ctx.lineTo(x[dst[j]], y[dst[j]]); ctx.stroke();
      drawnEdges++;
    }
    ctx.globalAlpha = 1;
    for (i = 0; i < N; i++) {
      if (!shown(i)) continue;
      ctx.fillStyle = G.colours[lbl(i)] || "#A5ABB6";
      ctx.beginPath(); ctx.arc(x[i], y[i], rad[i], 0, 6.2832); ctx.fill();
      ctx.lineWidth = (i === selNode ? 3 : 0.8) / scale; ctx.strokeStyle = i === selNode ? "#000" : "#fff"; ctx.stroke();
      drawn++;
    }
    // Captions, biggest nodes first, skipped where they would overlap one already drawn.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#222"; ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.font = "11px sans-serif";
    var order = [], taken = new Set();
    var minor = {Person: 1, Target: 1, UnitType: 1, Deadline: 1, Task: 1};
    for (i = 0; i < N; i++) if (shown(i) && (scale > 1.5 || i === selNode || !minor[lbl(i)] || rad[i] * scale > 6)) order.push(i);
    order.sort(function (a, b) { return (b === selNode) - (a === selNode) || rad[b] - rad[a]; });
    order.forEach(function (n) {
      var c = G.nodes[n][2]; if (c.length > 14) c = c.slice(0, 13) + "…";
      var sx = x[n] * scale + tx, sy = (y[n] + rad[n]) * scale + ty + 1, w = ctx.measureText(c).width;
      if (sx < 0 || sy < 0 || sx > W || sy > H) return;
      var cells = [], c0 = Math.floor((sx - w / 2) / 8), c1 = Math.floor((sx + w / 2) / 8), r0 = Math.floor(sy / 12);
      for (var cx = c0; cx <= c1; cx++) { var key = cx + ":" + r0; if (taken.has(key)) return; cells.push(key); }
      cells.forEach(function (key) { taken.add(key); });
      ctx.fillText(c, sx, sy);
    });
    body.dataset.drawn = drawn; body.dataset.edgesDrawn = drawnEdges;
  }
  function painted() {  // how many sampled pixels the drawing actually coloured
    var img = ctx.getImageData(0, 0, canvas.width, canvas.height).data, n = 0;
    for (var p = 3; p < img.length; p += 16) if (img[p] > 0) n++;
    return n;
  }

  // ---- controls ---------------------------------------------------------------------------
  var fJ = document.getElementById("f-jurisdiction"), fT = document.getElementById("f-topic");
  var fD = document.getElementById("f-document"), fS = document.getElementById("f-search");
  function fill(sel, items) {
    sel.innerHTML = "";
    [["", "（全部 all）"]].concat(items).forEach(function (it) {
      var o = document.createElement("option"); o.value = it[0]; o.textContent = it[1]; sel.appendChild(o);
    });
  }
  var places = {}, topics = [], docs = [];
  for (i = 0; i < N; i++) {
    if (lab[i] === LBL.Document) {
      docs.push([props(i).id, G.nodes[i][2]]);
      var pl = nameIndex.Jurisdiction[props(i).jurisdiction];
      while (pl !== undefined && !places[props(pl).name]) {  // a document's place and the places above it
        places[props(pl).name] = 1;
        var up = out[pl].filter(function (k) { return typ[k] === TYP.PART_OF; });
        pl = up.length ? dst[up[0]] : undefined;
      }
    } else if (lab[i] === LBL.Topic) topics.push([props(i).name, props(i).name + (props(i).en ? " · " + props(i).en : ""), inn[i].length]);
  }
  topics.sort(function (a, b) { return b[2] - a[2] || (a[0] < b[0] ? -1 : 1); });
  fill(fJ, Object.keys(places).sort().map(function (p) { return [p, p]; }));
  fill(fT, topics.map(function (t) { return [t[0], t[1] + " (" + t[2] + ")"]; }));
  fill(fD, docs.sort(function (a, b) { return a[1] < b[1] ? -1 : 1; }));
  var legend = document.getElementById("legend");
  G.labels.forEach(function (l, li) {
    var row = document.createElement("div"), box = document.createElement("input");
    box.type = "checkbox"; box.checked = true;
    box.onchange = function () { hidden[li] = !box.checked; draw(); };
    var dot = document.createElement("span"); dot.style.background = G.colours[l];
    row.appendChild(box); row.appendChild(dot); row.appendChild(document.createTextNode(l));
    legend.appendChild(row);
  });

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function table(p) {
    return "<table>" + Object.keys(p).map(function (k) {
      var v = Array.isArray(p[k]) ? p[k].join(" › ") : p[k];
      return "<tr><td>" + esc(k) + "</td><td>" + esc(v) + "</td></tr>";
    }).join("") + "</table>";
  }
  var info = document.getElementById("info");
  function showNode(i) {
    var html = "<b>" + esc(lbl(i)) + "</b> " + esc(G.nodes[i][2]);
    if (lab[i] === LBL.Unit) html += "<div>牵头 leads: " + leads[i] + "</div>";
    info.innerHTML = html + table(props(i));
  }
  function showEdge(j) {
    var p = G.edges[j][3], html = "<b>" + esc(G.types[typ[j]]) + "</b><div>" + esc(G.nodes[src[j]][2]) + " → " + esc(G.nodes[dst[j]][2]) + "</div>";
    if (p.evidence) html += '<div class="evidence">' + esc(p.evidence) + "</div>";
    info.innerHTML = html + table(p);
  }
  function apply(relayout) {
    var f = {jurisdiction: fJ.value, topic: fT.value, document: fD.value};
    computeScope(f);
    var n = 0, m = 0;
    for (i = 0; i < N; i++) n += vis[i];
    for (j = 0; j < E; j++) m += evis[j];
    if (relayout) layout(N > 5000 ? 60 : N > 1500 ? 150 : 300);
    body.dataset.visible = n; body.dataset.visibleEdges = m;
    document.getElementById("stats").textContent = n + " / " + N + " nodes · " + m + " / " + E + " edges";
    var h = [];
    Object.keys(f).forEach(function (k) { if (f[k]) h.push(k + "=" + encodeURIComponent(f[k])); });
    if (relayout === "user" && location.hash.slice(1) !== h.join("&")) history.replaceState(null, "", h.length ? "#" + h.join("&") : location.pathname);
    fit(); draw();
  }
  [fJ, fT, fD].forEach(function (s) { s.onchange = function () { selNode = selEdge = -1; apply("user"); }; });
  fS.onchange = function () {
    var q = fS.value.trim(); if (!q) return;
    for (i = 0; i < N; i++) if (vis[i] && G.nodes[i][2].indexOf(q) >= 0) {
      selNode = i; selEdge = -1; showNode(i); scale = Math.max(scale, 2);
      tx = W / 2 - scale * x[i]; ty = H / 2 - scale * y[i]; draw(); return;
    }
  };

  // ---- mouse: drag a node, pan the background, wheel to zoom, click to inspect ----------
  function world(ev) { var r = canvas.getBoundingClientRect(); return [(ev.clientX - r.left - tx) / scale, (ev.clientY - r.top - ty) / scale]; }
  function hitNode(p) {
    var best = -1, bd = Infinity;
    for (i = 0; i < N; i++) {
      if (!shown(i)) continue;
      var d = Math.hypot(x[i] - p[0], y[i] - p[1]);
      if (d <= rad[i] + 3 / scale && d < bd) { bd = d; best = i; }
    }
    return best;
  }
  function hitEdge(p) {
    var best = -1, bd = 5 / scale;
    for (j = 0; j < E; j++) {
      if (!evis[j] || !shown(src[j]) || !shown(dst[j])) continue;
      var ax = x[src[j]], ay = y[src[j]], bx = x[dst[j]] - ax, by = y[dst[j]] - ay, l2 = bx * bx + by * by || 1;
      var t = Math.max(0, Math.min(1, ((p[0] - ax) * bx + (p[1] - ay) * by) / l2));
      var d = Math.hypot(ax + t * bx - p[0], ay + t * by - p[1]);
      if (d < bd) { bd = d; best = j; }
    }
    return best;
  }
  var drag = null;
  canvas.onmousedown = function (ev) {
    var p = world(ev), n = hitNode(p);
    drag = {node: n, x: ev.clientX, y: ev.clientY, tx: tx, ty: ty, moved: false};
  };
  window.onmousemove = function (ev) {
    if (!drag) return;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
    if (drag.node >= 0) { var p = world(ev); x[drag.node] = p[0]; y[drag.node] = p[1]; }
    else { tx = drag.tx + ev.clientX - drag.x; ty = drag.ty + ev.clientY - drag.y; }
    draw();
  };
  window.onmouseup = function (ev) {
    if (drag && !drag.moved) {
      var p = world(ev);
      selNode = drag.node; selEdge = selNode < 0 ? hitEdge(p) : -1;
      if (selNode >= 0) showNode(selNode); else if (selEdge >= 0) showEdge(selEdge);
      draw();
    }
    drag = null;
  };
  canvas.onwheel = function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect(), mx = ev.clientX - r.left, my = ev.clientY - r.top;
    var z = Math.exp(-ev.deltaY * 0.0015), ns = Math.min(40, Math.max(0.02, scale * z));
    tx = mx - (mx - tx) * ns / scale; ty = my - (my - ty) * ns / scale; scale = ns; draw();
  };
  window.onresize = function () { resize(); draw(); };

  // ---- start: filters from the URL hash (#jurisdiction=…&topic=…&document=…) ---------------
  location.hash.slice(1).split("&").forEach(function (kv) {
    var parts = kv.split("="), v = decodeURIComponent(parts[1] || "");
    var sel = {jurisdiction: fJ, topic: fT, document: fD}[parts[0]];
    if (sel) {
      if (!Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) {
        var o = document.createElement("option"); o.value = v; o.textContent = v; sel.appendChild(o);
      }
      sel.value = v;
    }
  });
  body.dataset.nodes = N; body.dataset.edges = E;
  resize();
  apply(true);
  // #select=Label:key (a node) or #edge=N (the N-th edge): open with it selected, as a click would.
  location.hash.slice(1).split("&").forEach(function (kv) {
    var parts = kv.split("="), v = decodeURIComponent(parts[1] || "");
    if (parts[0] === "select") for (i = 0; i < N; i++) if (G.nodes[i][0] === v) { selNode = i; showNode(i); }
    if (parts[0] === "edge" && +v >= 0 && +v < E) { selEdge = +v; showEdge(selEdge); }
  });
  if (selNode >= 0 || selEdge >= 0) draw();
  body.dataset.painted = painted();
  body.dataset.ready = "1";
})();
