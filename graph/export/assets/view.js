// fengong offline graph view, drawn by Cytoscape.js (inlined above; no network).
// Data: {labels, types, colours, style, nodes: [[uid, label, caption, props, x, y]],
//        edges: [[src, dst, type, props]]}; positions come from the exporter (layout.py).
// Filters mirror fengong.graph.export.filters.
(function () {
  "use strict";
  var G = JSON.parse(document.getElementById("fengong-data").textContent);
  var N = G.nodes.length, E = G.edges.length, body = document.body;
  var LBL = {}, TYP = {};
  G.labels.forEach(function (l, i) { LBL[l] = i; });
  G.types.forEach(function (t, i) { TYP[t] = i; });
  var lab = new Int32Array(N), src = new Int32Array(E), dst = new Int32Array(E), typ = new Int32Array(E);
  var out = [], inn = [], i, j;
  for (i = 0; i < N; i++) { lab[i] = G.nodes[i][1]; out.push([]); inn.push([]); }
  for (j = 0; j < E; j++) {
    var e = G.edges[j];
    src[j] = e[0]; dst[j] = e[1]; typ[j] = e[2];
    out[e[0]].push(j); inn[e[1]].push(j);
  }
  function props(i) { return G.nodes[i][3]; }
  function lbl(i) { return G.labels[lab[i]]; }
  // Above LARGE: lighter drawing while panning, no fading, captions only for the nodes in view.
  // Above EDGES_IN_VIEW: edges only for the nodes in view once few enough are (and for the
  // selected node): tens of thousands of edges take seconds per frame on a canvas.
  var LARGE = N + E > 20000, EDGES_IN_VIEW = E > 30000, MAX_VIEW_EDGES = 12000;

  // ---- scope: the same rules as the Python exporter ------------------------------------
  var vis = new Uint8Array(N), evis = new Uint8Array(E);
  var nameIndex = {Jurisdiction: {}, Topic: {}};
  for (i = 0; i < N; i++) if (nameIndex[lbl(i)]) nameIndex[lbl(i)][props(i).name] = i;
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

  // ---- controls ---------------------------------------------------------------------------
  var fJ = document.getElementById("f-jurisdiction"), fT = document.getElementById("f-topic");
  var fD = document.getElementById("f-document"), fS = document.getElementById("f-search");
  var found = document.getElementById("found"), info = document.getElementById("info");
  var loading = document.getElementById("loading");
  function fill(sel, items) {
    sel.innerHTML = "";
    [["", "（全部 all）"]].concat(items).forEach(function (it) {
      var o = document.createElement("option"); o.value = it[0]; o.textContent = it[1]; sel.appendChild(o);
    });
  }
  var places = {}, topics = [], docs = [], perLabel = {};
  for (i = 0; i < N; i++) {
    perLabel[lab[i]] = (perLabel[lab[i]] || 0) + 1;
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
  var hash = {};
  location.hash.slice(1).split("&").forEach(function (kv) {
    var k = kv.indexOf("=");
    if (k > 0) hash[kv.slice(0, k)] = decodeURIComponent(kv.slice(k + 1));
  });
  [["jurisdiction", fJ], ["topic", fT], ["document", fD]].forEach(function (pair) {
    var v = hash[pair[0]], sel = pair[1];
    if (!v) return;
    if (!Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) {
      var o = document.createElement("option"); o.value = v; o.textContent = v; sel.appendChild(o);
    }
    sel.value = v;
  });
  function filters() { return {jurisdiction: fJ.value, topic: fT.value, document: fD.value}; }
  computeScope(filters());

  // ---- the drawing ------------------------------------------------------------------------
  var hidden = {};  // label index -> hidden from the legend
  function nodeClasses(i) { return lbl(i) + (vis[i] ? "" : " out"); }
  function edgeClasses(j) { return G.types[typ[j]] + (evis[j] ? "" : " out"); }
  var els = [];
  for (i = 0; i < N; i++) {
    var nd = G.nodes[i];
    els.push({group: "nodes", data: {id: "n" + i, uid: nd[0], caption: nd[2]}, position: {x: nd[4], y: nd[5]}, classes: nodeClasses(i)});
  }
  // A large graph draws its nodes first and adds every edge right after that first frame (one
  // cy.add: adding them in slices costs a redraw of all edges so far per slice, 2-3 times longer).
  var firstEdges = LARGE ? 0 : E, lateEdges = EDGES_IN_VIEW ? 0 : E;
  function edgeElement(j) { return {group: "edges", data: {id: "e" + j, source: "n" + src[j], target: "n" + dst[j]}, classes: edgeClasses(j)}; }
  for (j = 0; j < firstEdges; j++) els.push(edgeElement(j));
  var style = G.style.concat([
    {selector: "node:selected", style: {"border-width": 4, "border-color": "#000", "min-zoomed-font-size": 0, "z-index": 20}},
    {selector: "node.hl", style: {"border-width": 2, "border-color": "#333", "min-zoomed-font-size": 0, "z-index": 10}},
    {selector: "edge.hl", style: {width: 3, opacity: 1, "z-index": 10}},
    {selector: "edge:selected", style: {width: 4, opacity: 1}},
    {selector: ".faded", style: {opacity: 0.12}},
    {selector: ".out, .off", style: {display: "none"}}
  ], LARGE ? [
    // A large graph captions only the nodes in view once captions are legible (see inView()):
    // measuring twenty thousand captions would double the time to the first drawing.
    {selector: "node", style: {label: ""}},
    {selector: "node.named, node.hl, node:selected", style: {label: "data(caption)"}}
  ] : []);
  var cy = cytoscape({
    container: document.getElementById("cy"), elements: els, style: style, layout: {name: "preset", fit: false},
    minZoom: 0.01, maxZoom: 4, boxSelectionEnabled: false, selectionType: "single",
    hideEdgesOnViewport: LARGE, textureOnViewport: LARGE, pixelRatio: LARGE ? 1 : "auto"
  });
  els = null;
  window.fengongView = cy;
  // Milliseconds since the page was opened (read by bench/html_view_bench.py).
  cy.one("render", function () { body.dataset.firstDraw = Math.round(performance.now()); });
  // Fit from the known positions: cy.fit() would measure every caption of a large graph first.
  function fit() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (i = 0; i < N; i++) {
      if (!vis[i] || hidden[lab[i]]) continue;
      var nd = G.nodes[i];
      x0 = Math.min(x0, nd[4]); x1 = Math.max(x1, nd[4]); y0 = Math.min(y0, nd[5]); y1 = Math.max(y1, nd[5]);
    }
    if (x0 === Infinity) return;
    var pad = 60, z = Math.min(cy.width() / (x1 - x0 + 2 * pad), cy.height() / (y1 - y0 + 2 * pad), 2);
    cy.viewport({zoom: z, pan: {x: cy.width() / 2 - z * (x0 + x1) / 2, y: cy.height() / 2 - z * (y0 + y1) / 2}});
  }
  fit();

  var named = [], viewTimer = 0, LEGIBLE = 0.7;  // zoom at which a 10px caption reaches 7px
  var inCy = new Uint8Array(E), pinned = [];  // with EDGES_IN_VIEW: edges in the drawing, the selection's
  function inView() {
    var ext = cy.extent(), here = [], links = 0;
    for (i = 0; i < N; i++) {
      var nd = G.nodes[i];
      if (vis[i] && !hidden[lab[i]] && nd[4] >= ext.x1 && nd[4] <= ext.x2 && nd[5] >= ext.y1 && nd[5] <= ext.y2) {
        here.push(i); links += out[i].length + inn[i].length;
      }
    }
    var legible = cy.zoom() >= LEGIBLE ? here : [];
    cy.batch(function () {
      named.forEach(function (k) { cy.getElementById("n" + k).removeClass("named"); });
      legible.forEach(function (k) { cy.getElementById("n" + k).addClass("named"); });
    });
    named = legible;
    if (!EDGES_IN_VIEW) return;
    var want = new Uint8Array(E), drop = [], add = [];
    function mark(k) { want[k] = 1; }
    pinned.forEach(mark);
    if (links <= MAX_VIEW_EDGES) here.forEach(function (n) { out[n].forEach(mark); inn[n].forEach(mark); });
    for (j = 0; j < E; j++) {
      if (inCy[j] && !want[j]) drop.push(cy.getElementById("e" + j));
      else if (!inCy[j] && want[j]) add.push(edgeElement(j));
      inCy[j] = want[j];
    }
    if (drop.length) cy.collection(drop).remove();
    if (add.length) cy.add(add);
    body.dataset.edgesInView = cy.edges().length;
    loading.textContent = links > MAX_VIEW_EDGES ? "放大查看连线 · zoom in to see the links" : "";
  }
  if (LARGE) cy.on("viewport", function () { clearTimeout(viewTimer); viewTimer = setTimeout(inView, 150); });

  function stats() {
    var n = 0, m = 0;
    for (i = 0; i < N; i++) n += vis[i];
    for (j = 0; j < E; j++) m += evis[j];
    body.dataset.nodes = N; body.dataset.edges = E; body.dataset.visible = n; body.dataset.visibleEdges = m;
    document.getElementById("stats").textContent = n + " / " + N + " nodes · " + m + " / " + E + " edges";
  }

  var legend = document.getElementById("legend");
  G.labels.forEach(function (l, li) {
    if (!perLabel[li]) return;
    var row = document.createElement("label"), box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = l;
    box.onchange = function () {
      hidden[li] = !box.checked;
      cy.batch(function () { cy.nodes("." + l).toggleClass("off", hidden[li]); });
    };
    var dot = document.createElement("span"); dot.className = "dot"; dot.style.background = G.colours[l];
    var n = document.createElement("span"); n.className = "n"; n.textContent = " " + perLabel[li];
    row.appendChild(box); row.appendChild(dot); row.appendChild(document.createTextNode(l)); row.appendChild(n);
    legend.appendChild(row);
  });

  // ---- inspecting: properties, neighbourhood, evidence ---------------------------------------
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function table(p) {
    return "<table>" + Object.keys(p).map(function (k) {
      var v = Array.isArray(p[k]) ? p[k].join(" › ") : p[k];
      return "<tr><td>" + esc(k) + "</td><td>" + esc(v) + "</td></tr>";
    }).join("") + "</table>";
  }
  var lit = null;
  function unlight() {
    if (!lit) return;
    cy.batch(function () { lit.removeClass("hl"); cy.elements(".faded").removeClass("faded"); });
    lit = null;
  }
  function light(coll) {
    unlight();
    lit = coll;
    cy.batch(function () {
      coll.addClass("hl");
      if (!LARGE) cy.elements().not(coll).addClass("faded");
    });
  }
  function showNode(i) {
    var html = "<b>" + esc(lbl(i)) + "</b> " + esc(G.nodes[i][2]) + table(props(i));
    var links = out[i].map(function (k) { return [k, dst[k], "→"]; }).concat(inn[i].map(function (k) { return [k, src[k], "←"]; }));
    links = links.filter(function (l) { return evis[l[0]]; });
    html += "<div>" + links.length + " 连线 links</div><ul>" + links.slice(0, 200).map(function (l) {
      return '<li data-node="' + l[1] + '">' + l[2] + " " + esc(G.types[typ[l[0]]]) + " · " + esc(G.nodes[l[1]][2]) + "</li>";
    }).join("") + "</ul>";
    info.innerHTML = html;
  }
  function showEdge(j) {
    var p = G.edges[j][3], html = "<b>" + esc(G.types[typ[j]]) + "</b><div>" + esc(G.nodes[src[j]][2]) + " → " + esc(G.nodes[dst[j]][2]) + "</div>";
    if (p.evidence) html += '<div class="evidence">' + esc(p.evidence) + "</div>";
    info.innerHTML = html + table(p);
  }
  function select(i, centre) {
    if (EDGES_IN_VIEW) { pinned = out[i].concat(inn[i]); inView(); }
    var node = cy.getElementById("n" + i);
    cy.$(":selected").unselect();
    node.select();
    light(node.closedNeighborhood());
    showNode(i);
    body.dataset.selected = G.nodes[i][0];
    if (centre) {
      var z = Math.max(cy.zoom(), 1), p = node.position();
      cy.viewport({zoom: z, pan: {x: cy.width() / 2 - z * p.x, y: cy.height() / 2 - z * p.y}});
    }
  }
  info.onclick = function (ev) {
    var li = ev.target.closest("li[data-node]");
    if (li) select(+li.dataset.node, true);
  };
  cy.on("tap", "node", function (ev) { select(+ev.target.id().slice(1), false); });
  cy.on("tap", "edge", function (ev) {
    var k = +ev.target.id().slice(1);
    light(ev.target.union(ev.target.connectedNodes()));
    showEdge(k);
  });
  cy.on("tap", function (ev) { if (ev.target === cy) { unlight(); pinned = []; delete body.dataset.selected; } });

  // ---- search by caption ------------------------------------------------------------------------
  function search(q) {
    q = q.trim().toLowerCase();
    var hits = [];
    if (q) for (i = 0; i < N; i++) {
      if (!vis[i] || hidden[lab[i]]) continue;
      var c = G.nodes[i][2].toLowerCase(), at = c.indexOf(q);
      if (at >= 0) hits.push([c === q ? 0 : at === 0 ? 1 : 2, c.length, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.map(function (h) { return h[2]; });
  }
  var searchTimer = 0;
  function listFound() {
    var hits = search(fS.value);
    body.dataset.found = hits.length;
    found.innerHTML = hits.slice(0, 50).map(function (n) {
      return '<li data-node="' + n + '"><span class="dot" style="background:' + esc(G.colours[lbl(n)]) + '"></span>' + esc(G.nodes[n][2]) + "</li>";
    }).join("");
    return hits;
  }
  fS.oninput = function () { clearTimeout(searchTimer); searchTimer = setTimeout(listFound, 120); };
  fS.onkeydown = function (ev) {
    if (ev.key !== "Enter") return;
    clearTimeout(searchTimer);
    var hits = listFound();
    if (hits.length) select(hits[0], true);
  };
  found.onclick = function (ev) {
    var li = ev.target.closest("li[data-node]");
    if (li) select(+li.dataset.node, true);
  };

  // ---- filters ------------------------------------------------------------------------------------
  function apply() {
    var f = filters();
    computeScope(f);
    unlight();
    cy.batch(function () {
      cy.nodes().forEach(function (n) { n.toggleClass("out", !vis[+n.id().slice(1)]); });
      cy.edges().forEach(function (x) { x.toggleClass("out", !evis[+x.id().slice(1)]); });
    });
    stats();
    fit();
    if (LARGE) inView();
    var h = [];
    Object.keys(f).forEach(function (k) { if (f[k]) h.push(k + "=" + encodeURIComponent(f[k])); });
    if (location.hash.slice(1) !== h.join("&")) history.replaceState(null, "", h.length ? "#" + h.join("&") : location.pathname);
    if (fS.value) listFound();
  }
  [fJ, fT, fD].forEach(function (s) { s.onchange = apply; });

  // ---- start ---------------------------------------------------------------------------------------
  stats();
  function done() {
    if (!EDGES_IN_VIEW) loading.textContent = "";
    if (hash.select) for (i = 0; i < N; i++) if (G.nodes[i][0] === hash.select) select(i, true);
    body.dataset.ready = "1";
    body.dataset.readyMs = Math.round(performance.now());
  }
  if (firstEdges === lateEdges) {  // everything is in: ready once drawn
    if (EDGES_IN_VIEW) inView();
    cy.one("render", done);
  } else {
    loading.textContent = "… " + E + " edges";
    requestAnimationFrame(function () {
      setTimeout(function () {
        var rest = [];
        for (j = firstEdges; j < lateEdges; j++) rest.push(edgeElement(j));
        cy.add(rest);
        cy.one("render", done);
      }, 0);
    });
  }
})();
