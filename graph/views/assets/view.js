/* battery-kg network view: draws a graph.views.Network (a pyvis Network) with vis-network.
   Every text from the data reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  if (data.dot) {  // pyvis's from_DOT: vis-network parses the DOT text
    var parsed = vis.parseDOTNetwork(data.dot);
    data.nodes = parsed.nodes;
    data.edges = parsed.edges;
    data.options = Object.assign({}, parsed.options || {}, data.options || {});
  }
  // A view made by graph.views.network_view (classes, centrality, facts); else a plain pyvis network.
  var styled = data.colorBy !== null && data.colorBy !== undefined;
  var DIM = "rgba(190,190,190,0.35)";
  var HINT = "Click a node for its facts and sources; click the background to clear.";
  // Keys of a node or an edge that are the view's data, not vis-network options.
  var NODE_DATA = new Set(["kind", "score", "keyFacts", "facts", "factYears", "sources", "url", "iri", "omitted",
                           "title", "names", "zh", "year", "span", "rank", "index", "search"]);
  var EDGE_DATA = new Set(["relation", "evidence", "sources", "omitted", "title", "weight", "years", "index"]);
  var classes = {};
  (data.classes || []).forEach(function (c) { classes[c.kind] = c; });
  var byId = new Map();
  var incident = new Map();
  var edgeById = new Map();
  data.nodes.forEach(function (n, i) {
    n.index = i;
    n.label = n.label === undefined || n.label === null ? String(n.id) : String(n.label);
    byId.set(n.id, n);
    incident.set(n.id, []);
  });
  data.edges = data.edges.filter(function (e) { return byId.has(e.from) && byId.has(e.to); });
  data.edges.forEach(function (e, i) {
    e.index = i;
    if (e.id === undefined || e.id === null) { e.id = "edge-" + i; }
    edgeById.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) { incident.get(e.to).push(e); }
  });
  // Rank by centrality (then order) for the top-N control of large views and the search.
  function weightOf(n) { return n.score !== undefined ? n.score : (typeof n.size === "number" ? n.size : 0); }
  data.nodes.slice().sort(function (a, b) { return weightOf(b) - weightOf(a) || a.index - b.index; })
    .forEach(function (n, i) { n.rank = i; });
  var large = data.topN !== null && data.topN !== undefined;
  var labelled = data.labelled || null;
  var hiddenKinds = new Set();
  var topN = large ? data.topN : null;
  var extra = new Set();
  var selected = null;
  var hiddenEdgeLabels = new Set();
  var yearFrom = null, yearTo = null, timeShown = null;
  var datedNodes = new Set();
  data.edges.forEach(function (e) { if (e.years && e.years.length) { datedNodes.add(e.from); datedNodes.add(e.to); } });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function safeHref(url) {
    // Relative links and http(s) only: a "javascript:" URL in the data must not become a link.
    var text = String(url).trim();
    return (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https?:/i.test(text)) ? null : text;
  }
  function list(value) { return Array.isArray(value) ? value : []; }
  function omitted(item, name) { return (item.omitted && item.omitted[name]) || 0; }
  function cssLength(value) { return /^\d+(\.\d+)?(px|%|vh|vw|em|rem)$/.test(String(value)) ? String(value) : null; }

  // --- what is shown: class filter, top N, year window, and nodes a search brought in -------------------
  function inWindow(years) {
    for (var i = 0; i < years.length; i++) { if (years[i] >= yearFrom && years[i] <= yearTo) { return true; } }
    return false;
  }
  function spanFits(n) { return !n.span || (n.span[1] >= yearFrom && n.span[0] <= yearTo); }
  function datedIn(e) {
    // As the analysis's since/until: an edge dated in the window, unless it touches an event or a project
    // dated outside it (dropped with its edges).
    return e.years && e.years.length && inWindow(e.years) && spanFits(byId.get(e.from)) && spanFits(byId.get(e.to));
  }
  function computeTimeShown() {
    // The network as of the chosen years, as the analysis projects it with since/until: dated edges in the
    // window, the nodes they join; nodes with no dated fact appear through timeless edges (a place
    // through the places that contain it), never the other way round.
    if (!data.years || yearFrom === null || (yearFrom <= data.years[0] && yearTo >= data.years[1])) {
      timeShown = null;
      return;
    }
    var shown = new Set();
    data.edges.forEach(function (e) { if (datedIn(e)) { shown.add(e.from); shown.add(e.to); } });
    data.nodes.forEach(function (n) {
      if (datedNodes.has(n.id)) { return; }
      if (n.year !== undefined) { if (n.year >= yearFrom && n.year <= yearTo) { shown.add(n.id); } }
      else if (!incident.get(n.id).length) { shown.add(n.id); }
    });
    var queue = Array.from(shown);
    while (queue.length) {
      var id = queue.pop();
      incident.get(id).forEach(function (e) {
        if ((e.years && e.years.length) || e.from !== id || !e.arrows) { return; }
        if (!shown.has(e.to) && !datedNodes.has(e.to)) { shown.add(e.to); queue.push(e.to); }
      });
    }
    timeShown = shown;
  }
  function isShown(n) {
    if (hiddenKinds.has(n.kind)) { return false; }
    if (extra.has(n.id)) { return true; }
    return (topN === null || n.rank < topN) && (timeShown === null || timeShown.has(n.id));
  }
  function edgeShown(e, ids) {
    if (!ids.has(e.from) || !ids.has(e.to)) { return false; }
    if (timeShown === null || !e.years || !e.years.length) { return true; }
    return datedIn(e) || extra.has(e.from) || extra.has(e.to);
  }

  // --- vis-network items -----------------------------------------------------------------------------
  function styledColor(c) {
    return { background: c, border: "#333", highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } };
  }
  function labelShown(n) {
    return !large || labelled === null || n.rank < labelled || extra.has(n.id) || n.id === selected;
  }
  function visNode(n, dim, withPosition) {
    var item = {};
    Object.keys(n).forEach(function (k) { if (!NODE_DATA.has(k) && k !== "x" && k !== "y") { item[k] = n[k]; } });
    item.label = labelShown(n) ? n.label : undefined;
    if (dim) {
      item.color = { background: DIM, border: DIM };
      item.font = Object.assign({}, n.font || {}, { color: "rgba(120,120,120,0.5)" });
    } else {
      // a plain network's node without a colour keeps vis-network's (its group's); it is drawn again to undim
      if (n.color !== undefined) { item.color = styled && typeof n.color === "string" ? styledColor(n.color) : n.color; }
      if (n.font !== undefined) { item.font = n.font; } else if (styled) { item.font = { color: "#222" }; }
    }
    if (withPosition && n.x !== undefined && n.y !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function visEdge(e, dim) {
    var item = {};
    Object.keys(e).forEach(function (k) { if (!EDGE_DATA.has(k)) { item[k] = e[k]; } });
    if (styled && e.label === undefined && data.edgeLabels && !hiddenEdgeLabels.has(e.id)) { item.label = e.relation; }
    if (hiddenEdgeLabels.has(e.id)) { delete item.label; }
    if (dim) { item.color = { color: "rgba(200,200,200,0.25)", highlight: "#333", hover: "#555" }; }
    else if (styled && e.color === undefined) { item.color = { color: "#9a9a9a", highlight: "#333", hover: "#555" }; }
    return item;
  }

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var container = document.getElementById("network");
  var network = null;

  function shownIds() {
    var ids = new Set();
    data.nodes.forEach(function (n) { if (isShown(n)) { ids.add(n.id); } });
    return ids;
  }
  function neighbourhood(id) {
    var near = new Set([id]);
    var nearEdges = new Set();
    incident.get(id).forEach(function (e) { near.add(e.from); near.add(e.to); nearEdges.add(e.id); });
    return { nodes: near, edges: nearEdges };
  }
  function keepPositions() {
    // Where physics or the user moved the nodes: a redraw puts them back there.
    if (!network) { return; }
    var moved = network.getPositions();
    Object.keys(moved).forEach(function (key) {
      var n = byId.get(key);
      if (n === undefined) { n = byId.get(Number(key)); }
      if (n !== undefined) { n.x = moved[key].x; n.y = moved[key].y; }
    });
  }
  function items(withPosition) {
    var ids = shownIds();
    var focus = selected !== null && ids.has(selected) ? neighbourhood(selected) : null;
    var nodeItems = [];
    data.nodes.forEach(function (n) { if (ids.has(n.id)) { nodeItems.push(visNode(n, focus && !focus.nodes.has(n.id), withPosition)); } });
    var edgeItems = [];
    data.edges.forEach(function (e) { if (edgeShown(e, ids)) { edgeItems.push(visEdge(e, focus && !focus.edges.has(e.id))); } });
    return { nodes: nodeItems, edges: edgeItems };
  }
  function showCounts(shown) {
    var text = shown.nodes.length + " of " + data.nodes.length + " nodes, " + shown.edges.length + " of " +
      data.edges.length + " edges";
    if (timeShown !== null) { text += " in " + (yearFrom === yearTo ? yearFrom : yearFrom + "–" + yearTo); }
    document.getElementById("counts").textContent = text;
  }
  function redraw() {
    keepPositions();
    var shown = items(true);
    nodes.clear(); edges.clear();
    nodes.add(shown.nodes); edges.add(shown.edges);
    showCounts(shown);
  }
  function highlight() {
    if (!styled) {  // its items may lack colours to go back to: drawn again, where they are
      redraw();
      if (selected !== null && nodes.get(selected) !== null) { network.selectNodes([selected]); }
      return;
    }
    var shown = items(false);
    nodes.update(shown.nodes); edges.update(shown.edges);
  }

  // --- sources: the sentences, grouped under their article's headline, publisher and date ---------------
  function articleHead(s) {
    var head = s.headline || ("untitled article " + s.source);
    return [head, [s.publisher, s.date].filter(Boolean).join(", ")].filter(Boolean).join(" — ");
  }
  function sourceList(refs, limit) {
    // One item per article, in the order first cited, with its sentences under it.
    var articles = [];
    var byArticle = new Map();
    refs.slice(0, limit).forEach(function (ref) {
      var s = data.sources[ref];
      var key = s.source + "\u0000" + s.headline;
      if (!byArticle.has(key)) { byArticle.set(key, { source: s, sentences: [] }); articles.push(byArticle.get(key)); }
      if (s.text) { byArticle.get(key).sentences.push(s.text); }
    });
    var ul = el("ul", null, "sources");
    articles.forEach(function (a) {
      var li = el("li");
      li.appendChild(el("div", articleHead(a.source), "source-head"));
      a.sentences.forEach(function (t) { li.appendChild(el("div", "“" + t + "”", "sentence")); });
      if (a.source.source) { li.appendChild(el("div", "source " + a.source.source, "meta")); }
      ul.appendChild(li);
    });
    return ul;
  }
  function moreLine(count, what) {
    return el("li", "… and " + count + " more " + what, "more");
  }
  function chineseName(n) {
    var zh = el("span", n.zh, "zh");
    zh.lang = "zh";
    return zh;
  }

  // --- side panel -----------------------------------------------------------------------------------
  var panel = document.getElementById("panel");
  function section(title, entries, make, left) {
    var frag = document.createDocumentFragment();
    if (!entries.length && !left) { return frag; }
    frag.appendChild(el("h3", title));
    var ul = el("ul");
    entries.forEach(function (item) { ul.appendChild(make(item)); });
    if (left) { ul.appendChild(moreLine(left, title.toLowerCase())); }
    frag.appendChild(ul);
    return frag;
  }
  function nodeLink(other) {
    var a = el("a", other.label);
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(other.id); });
    return a;
  }
  function relationName(e) { return e.relation !== undefined ? e.relation : (e.label !== undefined ? String(e.label) : ""); }
  function relationText(e) {
    return byId.get(e.from).label + " — " + relationName(e) + " — " + byId.get(e.to).label;
  }
  function relationItem(n, e) {
    // Subject — relation — object, in the direction the relation is stated; the other end is a link.
    var li = el("li");
    [byId.get(e.from), null, byId.get(e.to)].forEach(function (end, i) {
      if (i > 0) { li.appendChild(document.createTextNode(" — ")); }
      if (end === null) { li.appendChild(document.createTextNode(relationName(e))); }
      else if (end.id === n.id) { li.appendChild(el("span", end.label, "this")); }
      else { li.appendChild(nodeLink(end)); }
    });
    return li;
  }
  function factsByYear(n, drawn) {
    // Every fact under the year it dates from (oldest first; undated last); a fact drawn as an edge links
    // to the other end.
    var frag = document.createDocumentFragment();
    var facts = list(n.facts), years = list(n.factYears);
    var byYear = new Map();
    facts.forEach(function (f, i) {
      var y = years[i] === undefined || years[i] === null ? "undated" : String(years[i]);
      if (!byYear.has(y)) { byYear.set(y, []); }
      byYear.get(y).push(f);
    });
    var order = Array.from(byYear.keys()).sort(function (a, b) {
      return (a === "undated") - (b === "undated") || (a < b ? -1 : a > b ? 1 : 0);
    });
    frag.appendChild(el("h3", "Facts by year"));
    var box = el("div", null, "by-year");
    order.forEach(function (y) {
      box.appendChild(el("h4", y, "year"));
      var ul = el("ul");
      byYear.get(y).forEach(function (f) { ul.appendChild(drawn.has(f) ? relationItem(n, drawn.get(f)) : el("li", f)); });
      box.appendChild(ul);
    });
    if (omitted(n, "facts")) { box.appendChild(el("p", "… and " + omitted(n, "facts") + " more facts", "more")); }
    frag.appendChild(box);
    return frag;
  }
  function showNode(n) {
    panel.replaceChildren();
    panel.appendChild(el("h2", n.label));
    if (n.zh) { var zh = el("div", null, "zh-name"); zh.appendChild(chineseName(n)); panel.appendChild(zh); }
    if (list(n.names).length) { panel.appendChild(el("div", "also: " + n.names.join(" · "), "meta names")); }
    if (n.kind !== undefined) { panel.appendChild(el("div", n.kind + (n.group !== undefined && data.colorBy === "group" ? " · community " + n.group : ""), "meta")); }
    if (styled) { panel.appendChild(el("div", data.sizeMeasure + ": " + n.score, "meta")); }
    if (n.year !== undefined) { panel.appendChild(el("div", "first dated fact: " + n.year, "meta")); }
    if (n.url && n.id !== data.focus && safeHref(n.url)) {
      var a = el("a", "Open the page of " + n.label);
      a.href = safeHref(n.url);
      panel.appendChild(a);
    }
    if (n.iri) { panel.appendChild(el("div", n.iri, "meta")); }
    if (n.title !== undefined && n.title !== null) { panel.appendChild(el("div", n.title, "title-text")); }
    panel.appendChild(section("Key facts", list(n.keyFacts), function (f) { return el("li", f); }, omitted(n, "keyFacts")));
    var drawn = incident.get(n.id);
    var drawnByText = new Map();
    drawn.forEach(function (e) { drawnByText.set(relationText(e), e); });
    var factSet = new Set(list(n.facts));
    if (n.factYears) {
      panel.appendChild(factsByYear(n, drawnByText));
      panel.appendChild(section("Relations", drawn.filter(function (e) { return !factSet.has(relationText(e)); }),
                                function (e) { return relationItem(n, e); }));
    } else {
      // Facts drawn as edges are listed once, under Relations, with links.
      var facts = list(n.facts).filter(function (f) { return !drawnByText.has(f); });
      var left = omitted(n, "facts");
      if (left && n.url && n.id !== data.focus) { left = left + " (on its page)"; }
      panel.appendChild(section("Facts", facts, function (f) { return el("li", f); }, left));
      panel.appendChild(section("Relations", drawn, function (e) { return relationItem(n, e); }));
    }
    var refs = list(n.sources);
    if (refs.length || omitted(n, "sources")) {
      panel.appendChild(el("h3", "Sources"));
      var sources = sourceList(refs, refs.length);
      if (omitted(n, "sources")) { sources.appendChild(moreLine(omitted(n, "sources"), "sentences")); }
      panel.appendChild(sources);
    }
  }
  function showEdgeDetails(e) {
    panel.replaceChildren();
    var head = el("h2");
    head.appendChild(nodeLink(byId.get(e.from)));
    head.appendChild(document.createTextNode(" — " + relationName(e) + (e.arrows ? " → " : " — ")));
    head.appendChild(nodeLink(byId.get(e.to)));
    panel.appendChild(head);
    if (data.colorBy === "group") { panel.appendChild(el("div", "weight " + (e.weight !== undefined ? e.weight : 1), "meta")); }
    if (e.years && e.years.length) { panel.appendChild(el("div", "dated " + e.years.join(", "), "meta")); }
    if (e.title !== undefined && e.title !== null) { panel.appendChild(el("div", e.title, "title-text")); }
    panel.appendChild(section("Evidence", list(e.evidence), function (f) { return el("li", f); }, omitted(e, "evidence")));
    var refs = list(e.sources);
    if (refs.length) {
      panel.appendChild(el("h3", "Sources"));
      var sources = sourceList(refs, refs.length);
      if (omitted(e, "sources")) { sources.appendChild(moreLine(omitted(e, "sources"), "sentences")); }
      panel.appendChild(sources);
    }
  }
  function clearPanel() {
    panel.replaceChildren(el("p", HINT, "hint"));
  }

  // --- tooltip --------------------------------------------------------------------------------------
  var tooltip = document.getElementById("tooltip");
  function showTooltip(pointer, build) {
    tooltip.replaceChildren();
    build(tooltip);
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = Math.min(pointer.x + 14, box.width - tooltip.offsetWidth - 4);
    var y = Math.min(pointer.y + 14, box.height - tooltip.offsetHeight - 4);
    tooltip.style.left = Math.max(0, x) + "px";
    tooltip.style.top = Math.max(0, y) + "px";
  }
  function nodeTooltip(n) {
    return function (box) {
      var head = el("div", n.label, "tip-title");
      if (n.zh) { head.appendChild(document.createTextNode(" ")); head.appendChild(chineseName(n)); }
      box.appendChild(head);
      if (n.kind !== undefined) { box.appendChild(el("div", n.kind, "meta")); }
      if (n.title !== undefined && n.title !== null) { box.appendChild(el("div", n.title, "title-text")); }
      var keyFacts = list(n.keyFacts);
      if (keyFacts.length) {
        var ul = el("ul");
        keyFacts.slice(0, 6).forEach(function (f) { ul.appendChild(el("li", f)); });
        box.appendChild(ul);
      }
      var refs = list(n.sources);
      if (refs.length) {
        box.appendChild(sourceList(refs, 3));
        var more = refs.length - 3 + omitted(n, "sources");
        if (more > 0) { box.appendChild(el("div", "… and " + more + " more sentences (click the node)", "meta")); }
      }
    };
  }
  function edgeTooltip(e) {
    return function (box) {
      box.appendChild(el("div", relationName(e) || e.title || "", "tip-title"));
      box.appendChild(el("div", byId.get(e.from).label + (e.arrows ? " → " : " — ") + byId.get(e.to).label, "meta"));
      if (data.colorBy === "group") { box.appendChild(el("div", "weight " + (e.weight !== undefined ? e.weight : 1), "meta")); }
      if (e.title !== undefined && e.title !== null && relationName(e)) { box.appendChild(el("div", e.title, "title-text")); }
      var evidence = list(e.evidence);
      if (evidence.length) {
        var why = el("ul");
        evidence.slice(0, 4).forEach(function (f) { why.appendChild(el("li", f)); });
        box.appendChild(why);
      }
      if (list(e.sources).length) { box.appendChild(sourceList(e.sources, 2)); }
    };
  }

  // --- legend and class filter ------------------------------------------------------------------------
  var legend = document.getElementById("legend");
  if (!(data.classes || []).length && !(data.groups || []).length) { legend.hidden = true; }
  legend.appendChild(el("h4", data.colorBy === "group" ? "Shape: class (untick to hide)" : "Class (untick to hide)"));
  var entries = el("div", null, "entries");
  (data.classes || []).forEach(function (c) {
    var label = el("label");
    label.title = c.kind + " (" + c.count + ")";
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = c.kind; box.className = "class-filter";
    box.addEventListener("change", function () {
      if (box.checked) { hiddenKinds.delete(c.kind); } else { hiddenKinds.add(c.kind); }
      redraw();
    });
    var glyph = el("span", c.glyph, "glyph");
    glyph.style.color = data.colorBy === "group" ? "#444" : c.color;
    label.appendChild(box); label.appendChild(glyph);
    label.appendChild(document.createTextNode(" " + c.kind + " (" + c.count + ")"));
    entries.appendChild(label);
  });
  legend.appendChild(entries);
  if (data.colorBy === "group" && (data.groups || []).length) {
    legend.appendChild(el("h4", "Colour: community"));
    var groups = el("div", null, "entries");
    data.groups.forEach(function (g) {
      var row = el("div", null, "entry");
      var glyph = el("span", "●", "glyph");
      glyph.style.color = g.color;
      row.appendChild(glyph);
      row.appendChild(document.createTextNode(" community " + g.id + " (" + g.count + ")"));
      groups.appendChild(row);
    });
    legend.appendChild(groups);
  }
  if (styled) {
    legend.appendChild(el("div", "Size: " + data.sizeMeasure + (data.colorBy === "group" ? "; width: tie weight" : "") +
                                (data.nodes.some(function (n) { return n.url; }) ? ". Click a node for its details and a link to its page." : ""), "meta"));
  }

  // --- header: links, notice, search, top N, years ------------------------------------------------------
  var links = document.getElementById("links");
  (data.links || []).forEach(function (l) {
    if (safeHref(l.href) === null) { return; }
    var a = el("a", l.text); a.href = safeHref(l.href); links.appendChild(a);
  });
  if (data.subtitle) { links.appendChild(el("span", data.subtitle, "meta")); }
  if (data.notice) { var notice = document.getElementById("notice"); notice.textContent = data.notice; notice.hidden = false; }

  function normal(text) { return String(text).normalize("NFKC").toLowerCase().trim(); }
  data.nodes.forEach(function (n) {
    n.search = [n.label, n.zh].concat(list(n.names)).filter(function (s) { return s; }).map(normal);
  });
  var datalist = document.getElementById("names");
  if (data.nodes.length <= 5000) {
    var seen = new Set();
    data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).forEach(function (n) {
      [n.label, n.zh].concat(list(n.names)).forEach(function (name) {
        if (!name || seen.has(name)) { return; }
        seen.add(name);
        var o = el("option"); o.value = name; datalist.appendChild(o);
      });
    });
  }
  function matchTier(n, q) {
    // 0: a name (or the IRI) is the text; 1: a name starts with it; 2: a word of a name does; 3: a name
    // holds it; 4: no match.
    if (n.iri && normal(n.iri) === q) { return 0; }
    var best = 4;
    for (var i = 0; i < n.search.length; i++) {
      var name = n.search[i], at = name.indexOf(q);
      if (at < 0) { continue; }
      if (name === q) { return 0; }
      best = Math.min(best, at === 0 ? 1 : (" " + name).indexOf(" " + q) >= 0 ? 2 : 3);
    }
    return best;
  }
  function find(text) {
    var q = normal(text);
    if (!q) { return null; }
    var best = null, bestTier = 4;
    data.nodes.forEach(function (n) {
      var tier = matchTier(n, q);
      if (tier < bestTier || (tier === bestTier && best !== null && n.rank < best.rank)) { best = n; bestTier = tier; }
    });
    return best;
  }
  function fitNeighbourhood(id) {
    // Show the node with its neighbours, not closer than a readable zoom.
    var ids = Array.from(neighbourhood(id).nodes).filter(function (m) { return nodes.get(m) !== null; });
    network.fit({ nodes: ids, animation: false });
    if (network.getScale() > 1.2) { network.moveTo({ position: network.getPositions([id])[id], scale: 1.2 }); }
  }
  function select(id) {
    var n = byId.get(id);
    if (!n) { return false; }
    if (hiddenKinds.has(n.kind)) {
      hiddenKinds.delete(n.kind);
      legend.querySelectorAll("input.class-filter").forEach(function (b) { if (b.value === n.kind) { b.checked = true; } });
    }
    selected = id;
    if (!isShown(n)) { extra.add(id); }
    incident.get(id).forEach(function (e) {
      if (!isShown(byId.get(e.from)) || !isShown(byId.get(e.to))) { extra.add(e.from); extra.add(e.to); }
    });
    redraw();
    network.selectNodes([id]);
    fitNeighbourhood(id);
    showNode(n);
    return true;
  }
  function unselect() {
    selected = null;
    network.unselectAll();
    highlight();
    clearPanel();
  }
  var status = document.getElementById("search-status");
  function search(text) {
    var n = find(text);
    if (!n) {
      // A failed search leaves nothing selected from before, and says so.
      unselect();
      status.textContent = "no match for “" + text + "”";
      return null;
    }
    status.textContent = "";
    select(n.id);
    return n.id;
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("search").value);
  });
  if (large) {
    var control = document.getElementById("top-control");
    var input = document.getElementById("top-n");
    control.hidden = false;
    input.value = topN;
    input.max = data.nodes.length;
    document.getElementById("node-total").textContent = data.nodes.length;
    input.addEventListener("change", function () {
      var value = parseInt(input.value, 10);
      topN = isNaN(value) || value < 1 ? data.topN : value;
      redraw();
    });
  }
  var yearInputs = [document.getElementById("year-from"), document.getElementById("year-to")];
  function setYears(from, to) {
    yearFrom = Math.max(data.years[0], Math.min(from, to));
    yearTo = Math.min(data.years[1], Math.max(from, to));
    yearInputs[0].value = yearFrom; yearInputs[1].value = yearTo;
    document.getElementById("year-label").textContent = yearFrom === yearTo ? String(yearFrom) : yearFrom + "–" + yearTo;
    computeTimeShown();
    if (network) { redraw(); }
  }
  if (data.years) {
    document.getElementById("time-control").hidden = false;
    yearInputs.forEach(function (box, i) {
      box.min = data.years[0]; box.max = data.years[1]; box.step = 1;
      box.addEventListener("input", function () {
        var a = Number(yearInputs[0].value), b = Number(yearInputs[1].value);
        if (a > b) { if (i === 0) { b = a; } else { a = b; } }
        setYears(a, b);
      });
    });
    setYears(data.years[0], data.years[1]);
  }
  function selectFromAddress() {
    // "page.html#node=<IRI or name>" opens the page on that node (the index links entities this way).
    var match = /^#node=(.+)$/.exec(window.location.hash);
    if (!match) { return false; }
    var wanted;
    try { wanted = decodeURIComponent(match[1]); } catch (err) { return false; }
    var n = data.nodes.find(function (m) { return m.iri === wanted; }) || find(wanted);
    return n ? select(n.id) : false;
  }

  // --- readable at a glance: no two names on top of each other ------------------------------------------
  var INSIDE = new Set(["box", "ellipse", "circle", "database", "text"]);
  function labelBox(id, ctx) {
    // Where vis-network draws the node's label, in canvas coordinates (as its shapes place it: below the
    // shape, or inside it), whether or not it has been drawn yet.
    var node = network.body.nodes[id];
    if (!node || node.options.label === undefined || node.options.label === null || node.options.label === "") { return null; }
    var size = node.labelModule.getTextSize(ctx, false, false);
    if (!size.width) { return null; }
    var top;
    if (INSIDE.has(node.options.shape)) { top = node.y - size.height / 2; }
    else { top = node.y + node.options.size + 0.5 * node.labelModule.fontOptions.size + 4; }
    return { id: id, x: node.x, y: node.y, dx: -size.width / 2, dy: top - node.y, w: size.width, h: size.height };
  }
  function overlap(a, b, pad) {
    var ox = Math.min(a.x + a.dx + a.w, b.x + b.dx + b.w) - Math.max(a.x + a.dx, b.x + b.dx) + pad;
    var oy = Math.min(a.y + a.dy + a.h, b.y + b.dy + b.h) - Math.max(a.y + a.dy, b.y + b.dy) + pad;
    return ox > 0 && oy > 0 ? { x: ox, y: oy } : null;
  }
  function separateLabels() {
    // Move nodes apart, a little at a time, until no two names overlap (a name keeps its place below its
    // node): the two governments of the partnership view were drawn on top of each other. Boxes are found
    // through a grid of cells as big as the biggest box, so each pass costs about the number of names.
    var ctx = network.canvas.getContext();
    var boxes = nodes.getIds().map(function (id) { return labelBox(id, ctx); }).filter(Boolean);
    if (boxes.length < 2) { return false; }
    var width = 8, height = 8;
    boxes.forEach(function (b) { width = Math.max(width, b.w + 8); height = Math.max(height, b.h + 8); });
    function cell(b) { return [Math.floor((b.x + b.dx) / width), Math.floor((b.y + b.dy) / height)]; }
    var moved = false;
    for (var pass = 0; pass < 200; pass++) {
      var grid = new Map();
      boxes.forEach(function (b, i) {
        var key = cell(b).join(",");
        if (!grid.has(key)) { grid.set(key, []); }
        grid.get(key).push(i);
      });
      var changed = false;
      for (var i = 0; i < boxes.length; i++) {
        var at = cell(boxes[i]);
        for (var gx = at[0] - 1; gx <= at[0] + 1; gx++) {
          for (var gy = at[1] - 1; gy <= at[1] + 1; gy++) {
            var near = grid.get(gx + "," + gy);
            if (!near) { continue; }
            for (var k = 0; k < near.length; k++) {
              var j = near[k];
              if (j <= i) { continue; }
              var a = boxes[i], b = boxes[j], o = overlap(a, b, 4);
              if (!o) { continue; }
              changed = true;
              if (o.y <= o.x) {
                var dy = o.y / 2 + 0.5, up = (a.y + a.dy) <= (b.y + b.dy) ? 1 : -1;
                a.y -= up * dy; b.y += up * dy;
              } else {
                var dx = o.x / 2 + 0.5, left = (a.x + a.dx) <= (b.x + b.dx) ? 1 : -1;
                a.x -= left * dx; b.x += left * dx;
              }
            }
          }
        }
      }
      if (!changed) { break; }
      moved = true;
    }
    if (moved) {  // one update of the data set: moveNode would redraw the network once per node
      nodes.update(boxes.map(function (b) {
        var n = byId.get(b.id); n.x = b.x; n.y = b.y;
        return { id: b.id, x: b.x, y: b.y };
      }));
    }
    return moved;
  }
  function pruneEdgeLabels() {
    // An edge's name that would cover a node's name (or another edge's) is left off; it stays in the
    // edge's tooltip and panel.
    if (!styled || !data.edgeLabels) { return; }
    var ctx = network.canvas.getContext();
    var taken = [];
    nodes.getIds().forEach(function (id) {
      var box = labelBox(id, ctx);
      if (box) { taken.push(box); }
      var node = network.body.nodes[id], r = node.options.size || 10;
      taken.push({ x: node.x, y: node.y, dx: -r, dy: -r, w: 2 * r, h: 2 * r });
    });
    var order = edges.getIds().map(function (id) { return edgeById.get(id); });
    order.sort(function (a, b) {
      var fa = a.from === data.focus || a.to === data.focus, fb = b.from === data.focus || b.to === data.focus;
      return (fb - fa) || a.index - b.index;
    });
    order.forEach(function (e) {
      var edge = network.body.edges[e.id];
      if (!edge || !edge.options.label) { return; }
      var size = edge.labelModule.getTextSize(ctx, false, false);
      var point = edge.edgeType.getPoint(0.5);
      var box = { x: point.x, y: point.y, dx: -size.width / 2, dy: -size.height / 2, w: size.width, h: size.height };
      if (taken.some(function (t) { return overlap(box, t, 1); })) { hiddenEdgeLabels.add(e.id); }
      else { taken.push(box); }
    });
    if (hiddenEdgeLabels.size) { redraw(); }
  }

  // --- the network ------------------------------------------------------------------------------------
  var options = JSON.parse(JSON.stringify(data.options || {}));
  options.interaction = options.interaction || {};
  if (options.interaction.hover === undefined) { options.interaction.hover = true; }  // our tooltips need it
  if (options.configure && options.configure.enabled) {
    var configBox = document.getElementById("config-box");
    configBox.hidden = false; configBox.open = true;
    options.configure.container = document.getElementById("config");
  }
  if (data.bgcolor) { container.style.background = data.bgcolor; }
  if (cssLength(data.height) && data.height !== "100%") {
    var main = document.querySelector("main");
    main.style.flex = "none"; main.style.height = data.height;
  }
  if (cssLength(data.width) && data.width !== "100%") { container.style.flex = "none"; container.style.width = data.width; }
  var physics = typeof options.physics === "boolean" ? { enabled: options.physics } : (options.physics || {});
  var physicsOn = physics.enabled !== false;
  var stabilization = physics.stabilization;
  var stabilizes = physicsOn && stabilization !== false && !(stabilization && stabilization.enabled === false);

  redraw();
  network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var api = { network: network, nodes: nodes, edges: edges, data: data, options: options, search: search,
              select: select, setYears: data.years ? setYears : null, ready: false };
  window.kgView = api;
  network.on("click", function (params) {
    tooltip.hidden = true;
    if (params.nodes.length) {
      selected = params.nodes[0];
      highlight();
      showNode(byId.get(selected));
    } else if (params.edges.length) {
      showEdgeDetails(edgeById.get(params.edges[0]));
    } else {
      unselect();
    }
  });
  network.on("hoverNode", function (params) { showTooltip(params.pointer.DOM, nodeTooltip(byId.get(params.node))); });
  network.on("hoverEdge", function (params) { showTooltip(params.pointer.DOM, edgeTooltip(edgeById.get(params.edge))); });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("blurEdge", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });
  window.addEventListener("hashchange", selectFromAddress);
  function ready() {
    if (api.ready) { return; }
    if (physicsOn && data.freeze) { network.setOptions({ physics: { enabled: false } }); physicsOn = false; }
    if (!physicsOn) {
      keepPositions();
      if (separateLabels()) { network.fit({ animation: false }); }
      pruneEdgeLabels();
    }
    if (!selectFromAddress() && data.focus !== null && data.focus !== undefined) { select(data.focus); }
    api.ready = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (stabilizes) { network.once("stabilizationIterationsDone", ready); }
  network.once("afterDrawing", function () { if (!stabilizes) { ready(); } });
})();
