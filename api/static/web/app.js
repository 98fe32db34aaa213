/* fengong web app: a small vanilla-JS front end over the HTTP API (no build step, no CDN).
 * Every page is a URL: / (ask), /unit/<id|name>, /document/<id>, /place/<name>, /graph?kind=&key=;
 * ?lang=en|zh picks the language (strings in /static/web/i18n.json). */
"use strict";

const state = { lang: "zh", strings: {}, style: null, prefetched: null };
const PAGE = 50; // table rows per page
const SOON_DAYS = 30; // a dated deadline this close is "due soon"

// ---------- helpers ----------
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const t = (key, vars) => {
  let s = state.strings[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace(`{${k}}`, v);
  return s;
};
const main = () => document.getElementById("main");
const params = () => new URLSearchParams(location.search);

/** A link within the app keeping the language. */
function href(path, query) {
  const q = new URLSearchParams(query || {});
  for (const [k, v] of [...q.entries()]) if (v === "" || v == null) q.delete(k);
  if (state.lang === "en") q.set("lang", "en");
  const s = q.toString();
  return path + (s ? "?" + s : "");
}
const unitHref = (u) => href("/unit/" + encodeURIComponent(u));
const docHref = (d) => href("/document/" + encodeURIComponent(d));
const placeHref = (p) => href("/place/" + encodeURIComponent(p));
const graphHref = (kind, key, caption) => href("/graph", { kind, key, caption });

async function getJSON(url, options) {
  const r = await fetch(url, options);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    const err = new Error(body.message || r.statusText);
    err.status = r.status;
    err.body = body;
    throw err;
  }
  return body;
}

function roleBadge(role, rank, basis) {
  const text = role === "responsible" ? t("responsible") + (rank || "") : t(role);
  const title = basis ? t("basis_" + basis) : "";
  return `<span class="role ${esc(role)}" title="${esc(title)}">${esc(text)}</span>`;
}

/** Overdue / due-soon flag of a dated ("by") deadline, from today's date in the browser. */
function dueFlag(date, kind) {
  if (!date || (kind && kind !== "by")) return "";
  const due = new Date(date + "T23:59:59");
  if (isNaN(due)) return "";
  const days = (due - new Date()) / 86400000;
  if (days < 0) return `<span class="flag overdue">${esc(t("overdue"))}</span>`;
  if (days <= SOON_DAYS) return `<span class="flag soon">${esc(t("due_soon"))}</span>`;
  return "";
}

/** Prev / next over pages the server cuts: ``more`` says a next page exists (no total known). */
function serverPager(offset, count, more, go) {
  const div = document.createElement("div");
  div.className = "pager";
  div.innerHTML = `<button class="light" data-p="prev" ${offset <= 0 ? "disabled" : ""}>${esc(t("prev"))}</button>
    <span class="muted">${esc(t("rows_from_to", { from: count ? offset + 1 : 0, to: offset + count }))}</span>
    <button class="light" data-p="next" ${more ? "" : "disabled"}>${esc(t("next"))}</button>`;
  div.querySelector('[data-p="prev"]').onclick = () => go(Math.max(0, offset - PAGE));
  div.querySelector('[data-p="next"]').onclick = () => go(offset + count);
  return div;
}

function pager(total, offset, limit, go) {
  const div = document.createElement("div");
  div.className = "pager";
  const to = Math.min(total, offset + limit);
  div.innerHTML = `<button class="light" data-p="prev" ${offset <= 0 ? "disabled" : ""}>${esc(t("prev"))}</button>
    <span class="muted">${esc(t("page_of", { from: total ? offset + 1 : 0, to, total }))}</span>
    <button class="light" data-p="next" ${to >= total ? "disabled" : ""}>${esc(t("next"))}</button>`;
  div.querySelector('[data-p="prev"]').onclick = () => go(Math.max(0, offset - limit));
  div.querySelector('[data-p="next"]').onclick = () => go(offset + limit);
  return div;
}

function showError(where, err) {
  where.innerHTML = `<p class="error">${esc(err.status === 404 ? t("not_found") : t("error"))}: ${esc(err.message)}</p>`;
}

// ---------- graph drawing (Cytoscape.js) ----------
/** The shared .grass stylesheet (/web/capabilities cy_style: nodes and edges by class), plus this app's rules. */
function cyStyle() {
  return [
    ...state.style.cy_style,
    { selector: "node", style: { "min-zoomed-font-size": 0, "text-max-width": 120 } },
    { selector: "node.focus", style: { "border-width": 3, "border-color": "#1d2733" } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } },
    { selector: "edge", style: { width: 1.5, opacity: 1, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.7 } },
  ];
}

let cyLoading = null;
/** Cytoscape.js, loaded on the pages that draw a graph only (the others skip parsing 440 kB). */
function loadCytoscape() {
  if (window.cytoscape) return Promise.resolve();
  cyLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/static/vendor/cytoscape/cytoscape.min.js";
    script.onload = resolve;
    script.onerror = () => reject(new Error("Cytoscape.js did not load"));
    document.head.appendChild(script);
  });
  return cyLoading;
}

function makeCy(container, elements) {
  /* global cytoscape */
  return cytoscape({ container, elements, style: cyStyle(), wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
}

function legend(labels) {
  const lc = state.style.label_colours;
  return `<div class="legend">${labels.map((l) => `<span><span class="dot" style="background:${esc(lc[l])}"></span>${esc(t("label_" + l))}</span>`).join("")}</div>`;
}

// ---------- pages ----------
async function askPage() {
  const q = params().get("q") || "";
  const caps = state.style.capabilities;
  const examples = caps.flatMap((c) => c.examples);
  main().innerHTML = `
    <form class="ask" id="askform" role="search">
      <input id="q" name="q" list="suggest" autocomplete="off" value="${esc(q)}" placeholder="${esc(t("ask_placeholder"))}">
      <datalist id="suggest">${examples.map((e) => `<option value="${esc(e)}">`).join("")}</datalist>
      <button type="submit">${esc(t("ask_button"))}</button>
    </form>
    <div id="answer"></div>
    <div class="card"><h2>${esc(t("ask_examples"))}</h2>
      ${caps.map((c) => `<div><span class="muted">${esc(c.what)}</span><div class="chips">${c.examples.map((e) => `<span class="chip" data-q="${esc(e)}">${esc(e)}</span>`).join("")}</div></div>`).join("")}
    </div>`;
  document.getElementById("askform").onsubmit = (ev) => {
    ev.preventDefault();
    const value = document.getElementById("q").value.trim();
    if (!value) return;
    history.pushState(null, "", href("/", { q: value }));
    runAsk(value);
  };
  for (const chip of main().querySelectorAll(".chip")) {
    chip.onclick = () => {
      document.getElementById("q").value = chip.dataset.q;
      history.pushState(null, "", href("/", { q: chip.dataset.q }));
      runAsk(chip.dataset.q);
    };
  }
  if (q) await runAsk(q, Number(params().get("offset") || 0));
}

const LINKS = { unit: unitHref, unit_a: unitHref, unit_b: unitHref, document: docHref, city: placeHref, jurisdiction: placeHref };

function cell(col, value) {
  if (value === null || value === undefined) return "";
  const v = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (col === "basis") return esc(t("basis_" + v) === "basis_" + v ? v : t("basis_" + v));
  if (col === "evidence" || col === "text") return esc(v);
  return v && LINKS[col] ? `<a href="${LINKS[col](v)}">${esc(v)}</a>` : esc(v);
}

function askURL(q, offset) {
  return `/ask?q=${encodeURIComponent(q)}&limit=${PAGE}&offset=${offset}`;
}

/** The answer's page: the one start() began fetching beside the app's strings, else a new request. */
function askJSON(q, offset) {
  const url = askURL(q, offset), pre = state.prefetched;
  state.prefetched = null;
  return pre && pre.url === url ? pre.answer : getJSON(url);
}

/** One page of the answer (the server pages: a large store answers with thousands of rows). */
async function runAsk(q, offset = 0) {
  const box = document.getElementById("answer");
  box.innerHTML = `<p class="muted">${esc(t("loading"))}</p>`;
  let a;
  try {
    a = await askJSON(q, offset);
  } catch (err) {
    if (err.status === 422 && err.body && err.body.detail) {
      const d = err.body.detail;
      box.innerHTML = `<div class="card"><h2 class="error">${esc(t("not_understood"))}</h2><p>${esc(err.message)}</p>
        <p class="muted">${esc(t("recognised"))}: <code>${esc(JSON.stringify(d.found || {}))}</code></p>
        <h2>${esc(t("can_answer"))}</h2><ul>${(d.can_answer || []).map((c) => `<li>${esc(c)}</li>`).join("")}</ul></div>`;
    } else showError(box, err);
    return;
  }
  const it = a.interpretation;
  box.innerHTML = `
    <div class="card" id="reading"><h2>${esc(t("read_as"))}</h2><p>${esc(it.understood_as)}</p>
      <p class="muted">${esc(t("named_query"))}: <code>${esc(it.query)}</code> · ${esc(t("params"))}: <code>${esc(JSON.stringify(it.params))}</code></p></div>
    <h2>${esc(t("answer"))}</h2>
    <div id="table"></div>
    <h2>${esc(t("answer_graph"))}</h2><div id="agraph" class="cy small"></div>
    <h2>${esc(t("evidence"))}</h2><ol class="evidence" id="evidence"></ol>`;
  if (!a.rows.length) document.getElementById("table").innerHTML = `<p class="muted">${esc(t("no_rows"))}</p>`;
  else {
    renderRows(document.getElementById("table"), a.columns, a.rows, 0);
    const go = (o) => { history.pushState(null, "", href("/", { q, offset: o || "" })); runAsk(q, o); };
    document.getElementById("table").appendChild(serverPager(a.offset, a.rows.length, a.next_offset !== null, go));
  }
  renderEvidence(document.getElementById("evidence"), a.evidence, 0);
  // The small graph (Cytoscape.js, 440 kB to parse, and its layout) follows once the table and
  // the evidence are painted, so reading starts without waiting for it.
  const agraph = document.getElementById("agraph");
  requestAnimationFrame(() => setTimeout(() => answerGraph(agraph, a.rows).catch((err) => showError(agraph, err)), 0));
}

/** Evidence sentences, a page at a time (a large store answers with thousands). */
function renderEvidence(where, evidence, offset) {
  where.start = offset + 1;
  where.innerHTML = evidence.slice(offset, offset + PAGE)
    .map((e) => `<li><q>${esc(e.sentence)}</q><div class="src">${e.unit ? `<a href="${unitHref(e.unit)}">${esc(e.unit)}</a> · ` : ""}${esc(e.basis ? cell("basis", e.basis) : "")}${e.task ? " · " + esc(e.task) : ""} — <a href="${docHref(e.document)}">${esc(e.document)}</a></div></li>`)
    .join("");
  if (evidence.length > PAGE) {
    const nav = pager(evidence.length, offset, PAGE, (o) => renderEvidence(where, evidence, o));
    const li = document.createElement("li");
    li.className = "pagerrow";
    li.appendChild(nav);
    where.appendChild(li);
  }
}

function renderRows(where, allColumns, rows, offset) {
  const shown = rows.slice(offset, offset + PAGE);
  const columns = allColumns.filter((c) => c !== "evidence" && rows.some((r) => r[c] !== "" && r[c] !== 0 && r[c] != null));
  const name = (c) => (t("col_" + c) === "col_" + c ? c : t("col_" + c));
  where.innerHTML = `<div class="scroll"><table class="answer"><thead><tr>${columns.map((c) => `<th>${esc(name(c))}</th>`).join("")}</tr></thead>
    <tbody>${shown.map((r) => `<tr title="${esc(r.evidence || "")}">${columns.map((c) => `<td class="col-${esc(c)}">${cell(c, r[c])}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
  if (rows.length > PAGE) where.appendChild(pager(rows.length, offset, PAGE, (o) => renderRows(where, allColumns, rows, o)));
}

/** The answer as a small graph: place - unit - task links drawn from the rows (first 80). */
async function answerGraph(container, rows) {
  const nodes = new Map(), edges = new Map();
  const node = (label, name) => {
    const id = label + ":" + name;
    if (!nodes.has(id)) nodes.set(id, { data: { id, label, name, caption: name }, classes: label });
    return id;
  };
  const relOf = (r) => (r.role === "cooperate" || r.basis === "cooperating unit" ? "COOPERATES" : r.basis === "stated lead" || r.role === "lead" ? "LEADS" : "RESPONSIBLE_FOR");
  for (const r of rows.slice(0, 80)) {
    const place = r.city || r.jurisdiction, unit = r.unit || r.unit_a, task = r.task, doc = r.document;
    const u = unit ? node("Unit", unit) : null;
    const tk = task ? node("Task", task) : null;
    const p = place ? node("Jurisdiction", place) : null;
    const add = (s, d, rel) => s && d && edges.set(s + rel + d, { data: { id: s + "|" + rel + "|" + d, source: s, target: d, rel }, classes: rel });
    if (u && tk) add(u, tk, relOf(r));
    if (u && p) add(u, p, "IN");
    if (!u && tk && p) add(node("Document", doc || place), tk, "HAS_TASK");
    if (!u && !tk && doc && p) add(node("Document", doc), p, "ISSUED_IN");
  }
  if (!nodes.size) { container.remove(); return; }
  await loadCytoscape();
  const cy = makeCy(container, [...nodes.values(), ...edges.values()]);
  cy.layout({ name: "cose", animate: false, nodeRepulsion: 6000, idealEdgeLength: 60 }).run();
  cy.on("tap", "node[label = 'Unit']", (ev) => { location.href = unitHref(ev.target.data("name")); });
  window.fengongAnswerGraph = cy;
}

async function unitPage(unit) {
  const offset = Number(params().get("offset") || 0);
  const role = params().get("role") || "";
  let data;
  try {
    data = await getJSON(`/web/units/${encodeURIComponent(unit)}/assignments?limit=${PAGE}&offset=${offset}&role=${role}`);
  } catch (err) { showError(main(), err); return; }
  const u = data.unit;
  document.title = u.name + " · fengong";
  main().innerHTML = `
    <h1>${esc(u.name)}</h1>
    <div class="meta">
      <span>${esc(t("jurisdiction"))}: ${u.jurisdiction ? `<a href="${placeHref(u.jurisdiction)}">${esc(u.jurisdiction)}</a>` : "—"}</span>
      <span>${esc(t("unit_type"))}: ${esc(u.unit_type || "—")}</span><span>${esc(t("kind"))}: ${esc(u.kind || "—")}</span>
      <span>${roleBadge("lead")} ${u.leads}</span><span>${roleBadge("cooperate")} ${u.cooperates}</span><span>${roleBadge("responsible")} ${u.responsible}</span>
      <a href="${graphHref("Unit", u.id, u.name)}">${esc(t("open_graph"))}</a>
    </div>
    <h2>${esc(t("assignments"))}</h2>
    <div class="toolbar"><label>${esc(t("role"))} <select id="role">${["", "lead", "cooperate", "responsible"].map((r) => `<option value="${r}" ${r === role ? "selected" : ""}>${esc(t(r || "all"))}</option>`).join("")}</select></label></div>
    <div class="scroll"><table id="assignments"><thead><tr><th>${esc(t("role"))}</th><th>${esc(t("task"))}</th><th>${esc(t("deadline"))}</th><th>${esc(t("document"))}</th><th>${esc(t("evidence"))}</th></tr></thead>
    <tbody>${data.items.map((r) => `<tr>
      <td>${roleBadge(r.role, r.rank, r.basis)}</td>
      <td><a href="${graphHref("Task", r.task_id, r.task)}" title="${esc(t("open_graph"))}">${esc(r.task)}</a></td>
      <td>${esc(r.deadline)}${r.due_date ? ` <span class="muted">${esc(r.due_date)}</span>` : ""}${dueFlag(r.due_date, r.deadline_kind)}</td>
      <td><a href="${docHref(r.document_id)}">${esc(r.document)}</a> <span class="muted">${esc(r.jurisdiction)} ${esc(r.document_date)}</span></td>
      <td class="ev">${esc(r.evidence)}</td></tr>`).join("")}</tbody></table></div>
    <div id="upager"></div>
    <h2>${esc(t("peers"))}: ${esc(u.unit_type)}</h2><div id="peers"></div>`;
  document.getElementById("upager").appendChild(pager(data.total, offset, PAGE, (o) => { location.href = href(location.pathname, { role, offset: o }); }));
  document.getElementById("role").onchange = (ev) => { location.href = href(location.pathname, { role: ev.target.value }); };
  if (u.unit_type) peersOf(u); // after the first render: the page does not wait for it
}

/** A unit's workload beside the busiest bodies of the same type elsewhere. */
async function peersOf(u) {
  try {
    const peers = await getJSON(`/web/unit-types/${encodeURIComponent(u.unit_type)}/workload?limit=20`);
    const max = Math.max(1, ...peers.map((p) => p.total));
    const bar = (n, cls) => `<span class="bar ${cls}" style="width:${(100 * n) / max}%" title="${n}"></span>`;
    document.getElementById("peers").innerHTML = `<table id="peertable"><thead><tr><th>${esc(t("unit"))}</th><th>${esc(t("jurisdiction"))}</th><th>${esc(t("lead"))} / ${esc(t("cooperate"))} / ${esc(t("responsible"))}</th><th class="w40"></th></tr></thead>
      <tbody>${peers.map((p) => `<tr class="${p.id === u.id ? "me" : ""}"><td><a href="${unitHref(p.id)}">${esc(p.unit)}</a></td><td>${esc(p.jurisdiction)}</td>
        <td>${p.leads} / ${p.cooperates} / ${p.responsible}</td><td class="bars">${bar(p.leads, "lead")}${bar(p.cooperates, "cooperate")}${bar(p.responsible, "responsible")}</td></tr>`).join("")}</tbody></table>`;
  } catch (err) { showError(document.getElementById("peers"), err); }
}

const CELL = { lead: "牵头", cooperate: "配合" };
const cellText = (role, rank) => CELL[role] || "责任" + (rank || "");

async function documentPage(doc) {
  let d;
  try {
    d = await getJSON("/documents/" + encodeURIComponent(doc));
  } catch (err) { showError(main(), err); return; }
  document.title = d.title + " · fengong";
  // The matrix is drawn from the document's tasks at once; the evidence sentences (the matrix
  // endpoint) arrive after the first render and become each cell's tooltip.
  // unit columns in first-seen order, a task's units lead / responsible / cooperate then by rank (as the exports)
  const order = { lead: 0, responsible: 1, cooperate: 2 };
  const byRole = (a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9) || a.rank - b.rank;
  const units = [...new Set(d.task_list.flatMap((tk) => [...tk.units].sort(byRole).map((u) => u.unit)))];
  const rows = d.task_list.map((tk) => ({ ...tk, cells: Object.fromEntries([...tk.units].sort(byRole).map((u) => [u.unit, cellText(u.role, u.rank)])) }));
  let evidence = new Map(); // task title -> unit -> sentence
  const filter = params().get("filter") || "";
  const dl = (fmt) => `/matrix/document/${encodeURIComponent(d.id)}?format=${fmt}`;
  main().innerHTML = `
    <h1>${esc(d.title)}</h1>
    <div class="meta">
      <span>${esc(t("jurisdiction"))}: ${d.jurisdiction ? `<a href="${placeHref(d.jurisdiction)}">${esc(d.jurisdiction)}</a>` : "—"}</span>
      <span>${esc(t("date"))}: ${esc(d.date || "—")}</span><span>${esc(t("doc_number"))}: ${esc(d.doc_number || "—")}</span>
      <span>${esc(t("issuer"))}: ${esc(d.issuer || "—")}</span><span>${esc(t("tasks"))}: ${d.tasks}</span><span>${esc(t("targets"))}: ${d.targets}</span>
      <a href="${graphHref("Document", d.id, d.title)}">${esc(t("open_graph"))}</a>
    </div>
    <h2>${esc(t("matrix"))}</h2>
    <div class="toolbar">
      <input id="filter" type="search" value="${esc(filter)}" placeholder="${esc(t("filter"))}">
      <a class="button light" id="dl-xlsx" href="${dl("xlsx")}" download>${esc(t("download"))} XLSX</a>
      <a class="button light" id="dl-csv" href="${dl("csv")}" download>${esc(t("download"))} CSV</a>
    </div>
    <div class="scroll" id="matrixbox"></div>
    <div class="cols"><div><h2>${esc(t("targets_h"))}</h2><div id="targets"></div></div><div><h2>${esc(t("groups_h"))}</h2><div id="groups"></div></div></div>`;
  const draw = (text) => {
    const needle = text.trim().toLowerCase();
    const taskHit = (r) => r.title.toLowerCase().includes(needle);
    const shown = rows.filter((r) => !needle || taskHit(r) || Object.keys(r.cells).some((u) => u.toLowerCase().includes(needle)));
    const anyTaskHit = shown.some(taskHit);
    const cols = units.filter((u) => shown.some((r) => r.cells[u]) && (!needle || anyTaskHit || u.toLowerCase().includes(needle)));
    document.getElementById("matrixbox").innerHTML = `<table class="matrix" id="matrix" data-evidence="${evidence.size ? 1 : 0}"><thead><tr><th>${esc(t("task"))}</th><th>${esc(t("deadline"))}</th>${cols.map((u) => `<th class="u"><a href="${unitHref(u)}">${esc(u)}</a></th>`).join("")}</tr></thead>
      <tbody>${shown.map((r) => `<tr><td class="t">${esc(r.title)}</td><td>${esc(r.deadline)}${dueFlag(r.due_date, r.due_date ? "by" : "")}</td>${cols.map((u) => {
          const c = r.cells[u] || "";
          const cls = c.startsWith("牵头") ? "lead" : c.startsWith("配合") ? "cooperate" : c ? "responsible" : "";
          return `<td class="c ${cls}" title="${esc((evidence.get(r.title) || {})[u] || "")}">${esc(c)}</td>`;
        }).join("")}</tr>`).join("")}</tbody></table>`;
  };
  draw(filter);
  document.getElementById("filter").oninput = (ev) => {
    draw(ev.target.value);
    history.replaceState(null, "", href(location.pathname, { filter: ev.target.value }));
  };
  getJSON(`/matrix/document/${encodeURIComponent(d.id)}`).then((m) => {
    evidence = new Map(m.tasks.map((r) => [r.task, r.evidence]));
    draw(document.getElementById("filter").value);
  }).catch((err) => showError(document.getElementById("targets"), err));
  documentContext(d.id).catch((err) => showError(document.getElementById("targets"), err)); // after the first render
}

/** A document's targets and leading groups (named queries document_targets, document_groups). */
async function documentContext(id) {
  const run = (name) => getJSON("/queries/" + name, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ params: { document: id } }),
  });
  const [targets, groups] = await Promise.all([run("document_targets"), run("document_groups")]);
  const none = `<p class="muted">${esc(t("no_rows"))}</p>`;
  document.getElementById("targets").innerHTML = targets.rows.length
    ? `<table><tbody>${targets.rows.map((x) => `<tr title="${esc(x.text)}"><td>${esc(x.metric)}</td><td>${esc(x.value ?? "")} ${esc(x.unit)}</td><td>${esc(x.due)}${dueFlag(x.due, "by")}</td></tr>`).join("")}</tbody></table>`
    : none;
  const byGroup = new Map();
  for (const g of groups.rows) {
    if (!byGroup.has(g.group_name)) byGroup.set(g.group_name, { office: g.office, members: [] });
    byGroup.get(g.group_name).members.push(g);
  }
  document.getElementById("groups").innerHTML = byGroup.size
    ? [...byGroup].map(([name, g]) => `<div class="card"><b>${esc(name)}</b>${g.office ? ` · <a href="${unitHref(g.office)}">${esc(g.office)}</a>` : ""}
        <ul>${g.members.map((m) => `<li>${esc(m.role)} ${esc(m.person)} <span class="muted">${esc(m.position)}</span></li>`).join("")}</ul></div>`).join("")
    : none;
}

async function placePage(place) {
  const p = params();
  const offset = Number(p.get("offset") || 0);
  document.title = place + " · fengong";
  main().innerHTML = `<h1>${esc(place)}</h1><div class="meta"><a href="${graphHref("Jurisdiction", place, place)}">${esc(t("open_graph"))}</a></div>
    <div class="cols"><div><h2>${esc(t("documents"))}</h2><div id="docs"></div></div><div><h2>${esc(t("units"))}</h2><div id="units"></div></div></div>
    <div class="card"><h2>${esc(t("compare_with"))}</h2>
      <form class="toolbar" id="cmpform"><input name="compare" value="${esc(p.get("compare") || "")}" placeholder="${esc(t("places_hint"))}">
      <select name="topic" id="topic"></select><button type="submit">${esc(t("compare_go"))}</button></form><div id="cmp" class="cols"></div></div>`;
  try {
    const [docs, units] = await Promise.all([
      getJSON(`/documents?jurisdiction=${encodeURIComponent(place)}&limit=${PAGE}&offset=${offset}`),
      getJSON(`/units?jurisdiction=${encodeURIComponent(place)}&limit=200`),
    ]);
    const topics = state.style.topics;
    document.getElementById("docs").innerHTML = docs.items.length
      ? `<table><tbody>${docs.items.map((d) => `<tr><td><a href="${docHref(d.id)}">${esc(d.title)}</a></td><td class="muted">${esc(d.jurisdiction)}</td><td class="muted">${esc(d.date)}</td><td>${d.tasks}</td></tr>`).join("")}</tbody></table>`
      : `<p class="muted">${esc(t("no_rows"))}</p>`;
    if (docs.total > PAGE) document.getElementById("docs").appendChild(pager(docs.total, offset, PAGE, (o) => { location.href = href(location.pathname, { offset: o }); }));
    document.getElementById("units").innerHTML = units.items.length
      ? `<div class="chips">${units.items.map((u) => `<a class="chip" href="${unitHref(u.id)}">${esc(u.name)}</a>`).join("")}</div>${units.total > units.items.length ? `<p class="muted">${units.items.length} / ${units.total}</p>` : ""}`
      : `<p class="muted">${esc(t("no_rows"))}</p>`;
    const chosen = p.get("topic") || "";
    document.getElementById("topic").innerHTML = topics.map((tp) => `<option value="${esc(tp.name)}" ${tp.name === chosen ? "selected" : ""}>${esc(state.lang === "en" && tp.en ? tp.en : tp.name)}</option>`).join("");
  } catch (err) { showError(main(), err); return; }
  document.getElementById("cmpform").onsubmit = (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    location.href = href(location.pathname, { compare: f.get("compare"), topic: f.get("topic") });
  };
  if (p.get("compare") && p.get("topic")) await compare([place, ...p.get("compare").split(/[,，、\s]+/).filter(Boolean)], p.get("topic"));
}

/** Places side by side on a topic: who leads, who is first listed, tasks with no lead, mere mentions. */
async function compare(places, topic) {
  const box = document.getElementById("cmp");
  const results = await Promise.all(places.map((pl) => getJSON("/queries/topic_leads", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ params: { topic, jurisdiction: pl } }),
  }).catch((err) => ({ error: err }))));
  const groups = [["stated lead", "stated_lead"], ["first-listed responsible unit", "first_listed"], ["no lead named", "no_lead"], ["mentioned, not assigned", "mentioned"]];
  box.innerHTML = places.map((pl, i) => {
    const r = results[i];
    if (r.error) return `<div class="card"><h2>${esc(pl)}</h2><p class="error">${esc(r.error.message)}</p></div>`;
    return `<div class="card compare-col"><h2><a href="${placeHref(pl)}">${esc(pl)}</a> · ${esc(topic)}</h2>${groups.map(([basis, key]) => {
      const rows = r.rows.filter((x) => x.basis === basis);
      if (!rows.length) return "";
      return `<h3>${esc(t(key))} (${rows.length})</h3><ul>${rows.map((x) => `<li title="${esc(x.evidence)}">${x.unit ? `<a href="${unitHref(x.unit)}">${esc(x.unit)}</a> — ` : ""}${esc(x.task || x.document)}</li>`).join("")}</ul>`;
    }).join("") || `<p class="muted">${esc(t("no_rows"))}</p>`}</div>`;
  }).join("");
}

async function graphPage() {
  const p = params();
  const kind = p.get("kind") || "", key = p.get("key") || "", caption = p.get("caption") || key;
  const shownKey = p.get("caption") || key;
  const labels = Object.keys(state.style.label_colours).filter((l) => l in { Unit: 1, Task: 1, Document: 1, Topic: 1, Jurisdiction: 1, UnitType: 1, Deadline: 1 });
  main().innerHTML = `<h1>${esc(t("nav_graph"))}${kind ? ": " + esc(caption) : ""}</h1>
    <form class="toolbar" id="focusform"><select name="kind">${labels.map((l) => `<option value="${l}" ${l === kind ? "selected" : ""}>${esc(t("label_" + l))}</option>`).join("")}</select>
      <input name="key" value="${esc(shownKey)}" placeholder="${esc(t("graph_key_hint"))}"><button type="submit">${esc(t("go"))}</button></form>
    <p class="muted">${esc(t("graph_hint"))}</p>${legend(labels)}
    <div class="graphwrap"><div id="cy"></div><div class="side" id="side"></div></div>
    <p class="muted" id="gstats"></p>`;
  document.getElementById("focusform").onsubmit = (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    location.href = graphHref(f.get("kind"), f.get("key"), "");
  };
  if (!kind || !key) return;
  await loadCytoscape();
  const cy = makeCy(document.getElementById("cy"), []);
  window.fengongGraph = cy;
  const limits = {}; // node id -> page size used for its neighbourhood
  const addNode = (id, label, nkey, cap) => {
    if (cy.getElementById(id).nonempty()) return;
    cy.add({ data: { id, label, key: nkey, caption: cap }, classes: label });
  };
  async function expand(id, more, preloaded) {
    const n = cy.getElementById(id);
    const limit = more ? (limits[id] || 25) * 2 : limits[id] || 25;
    limits[id] = limit;
    const nb = preloaded || await getJSON(`/web/neighbourhood?kind=${encodeURIComponent(n.data("label"))}&key=${encodeURIComponent(n.data("key"))}&limit=${limit}`);
    const before = cy.nodes().length;
    cy.batch(() => {
      for (const x of nb.nodes) addNode(x.id, x.label, x.key, x.caption);
      for (const e of nb.edges) if (cy.getElementById(e.id).empty()) cy.add({ data: e, classes: e.rel });
    });
    n.data("expanded", true);
    n.data("more", nb.more.length > 0);
    const added = cy.nodes().length - before;
    const layout = cy.layout({ name: "cose", animate: false, randomize: before <= 1, nodeRepulsion: 8000, idealEdgeLength: 70, fit: true });
    layout.run();
    select(n);
    stats();
    return added;
  }
  function stats() {
    document.getElementById("gstats").textContent = `${cy.nodes().length} ${t("nodes")} · ${cy.edges().length} ${t("edges")}`;
  }
  function pageOf(n) {
    const key = n.data("key"), label = n.data("label");
    if (label === "Unit") return unitHref(key);
    if (label === "Document") return docHref(key);
    if (label === "Jurisdiction") return placeHref(key);
    return "";
  }
  function select(n) {
    cy.$(":selected").unselect();
    n.select();
    const side = document.getElementById("side");
    const link = pageOf(n);
    const nbrs = n.neighborhood("node");
    side.innerHTML = `<div class="muted">${esc(t("selected"))} · ${esc(t("label_" + n.data("label")))}</div>
      <p><b>${esc(n.data("caption"))}</b></p>
      <p>${link ? `<a href="${link}">${esc(t("open"))}</a> · ` : ""}
        <button type="button" id="expand-sel" ${n.data("expanded") && !n.data("more") ? "disabled" : ""}>${esc(n.data("expanded") && n.data("more") ? t("more") : t("expand"))}</button></p>
      <div class="muted">${esc(t("neighbours"))} (${nbrs.length})</div>
      <ul id="nbrs">${nbrs.map((x) => `<li><span><span class="dot" style="background:${esc(state.style.label_colours[x.data("label")])}"></span>${esc(x.data("caption"))}</span>
        <button type="button" class="light expand" data-id="${esc(x.id())}" ${x.data("expanded") ? "disabled" : ""}>${esc(t("expand"))}</button></li>`).join("")}</ul>`;
    side.querySelector("#expand-sel").onclick = () => expand(n.id(), n.data("expanded"));
    for (const b of side.querySelectorAll("button.expand")) b.onclick = () => expand(b.dataset.id, false);
  }
  cy.on("tap", "node", (ev) => select(ev.target));
  cy.on("dbltap", "node", (ev) => expand(ev.target.id(), ev.target.data("expanded")));
  // The server names the focus by its key (a unit's or document's id even when asked by name).
  let first;
  try {
    first = await getJSON(`/web/neighbourhood?kind=${encodeURIComponent(kind)}&key=${encodeURIComponent(key)}&limit=25`);
  } catch (err) { showError(document.getElementById("side"), err); return; }
  addNode(first.focus, kind, first.key, p.get("caption") || first.caption);
  cy.getElementById(first.focus).addClass("focus");
  try { await expand(first.focus, false, first); } catch (err) { showError(document.getElementById("side"), err); }
}

// ---------- start ----------
function chooseLang() {
  const asked = params().get("lang");
  if (asked === "en" || asked === "zh") { localStorage.setItem("fengong-lang", asked); return asked; }
  return localStorage.getItem("fengong-lang") || ((navigator.language || "zh").startsWith("zh") ? "zh" : "en");
}

async function start() {
  const q = location.pathname === "/" ? params().get("q") || "" : "";
  if (q) {  // a shared answer's URL: its question is asked while the strings and capabilities load
    const url = askURL(q, Number(params().get("offset") || 0));
    state.prefetched = { url, answer: getJSON(url) };
    state.prefetched.answer.catch(() => {});  // handled when runAsk awaits it
  }
  state.lang = chooseLang();
  document.documentElement.lang = state.lang;
  const [strings, style] = await Promise.all([getJSON("/static/web/i18n.json"), getJSON("/web/capabilities")]);
  state.strings = strings[state.lang];
  state.style = style;
  document.getElementById("nav").innerHTML = `<a href="${href("/")}">${esc(t("nav_ask"))}</a><a href="${href("/graph")}">${esc(t("nav_graph"))}</a>`;
  const langBtn = document.getElementById("lang");
  langBtn.textContent = t("other_lang");
  langBtn.onclick = () => {
    const q = params();
    q.set("lang", state.lang === "en" ? "zh" : "en");
    location.href = location.pathname + "?" + q.toString();
  };
  document.querySelector(".brand").href = href("/");
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "unit" && parts[1]) await unitPage(parts[1]);
  else if (parts[0] === "document" && parts[1]) await documentPage(parts[1]);
  else if (parts[0] === "place" && parts[1]) await placePage(parts[1]);
  else if (parts[0] === "graph") await graphPage();
  else await askPage();
  document.body.dataset.ready = "1"; // the page has rendered (tests and the benchmark wait for it)
}

window.addEventListener("popstate", () => location.reload());
start().catch((err) => { showError(main(), err); document.body.dataset.ready = "1"; });
