/* battery-kg network view. All text from the data is put on the page with textContent, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var DIM = "rgba(190,190,190,0.35)";
  var HINT = "Click a node for its facts and sources; click the background to clear.";
  var classes = {};
  data.classes.forEach(function (c) { classes[c.kind] = c; });
  var groupColors = {};
  data.groups.forEach(function (g) { groupColors[g.id] = g.color; });
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var incident = new Map();
  data.nodes.forEach(function (n) { incident.set(n.id, []); });
  data.edges.forEach(function (e) { incident.get(e.from).push(e); incident.get(e.to).push(e); });
  // Rank by size (then id) for the top-N control of large views.
  data.nodes.slice().sort(function (a, b) { return b.score - a.score || a.id - b.id; })
    .forEach(function (n, i) { n.rank = i; });
  var large = data.topN !== null;
  var hiddenKinds = new Set();
  var topN = data.topN;
  var extra = new Set();
  var selected = null;

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
  function omitted(item, name) { return (item.omitted && item.omitted[name]) || 0; }
  function colorOf(n) {
    if (data.colorBy === "group" && n.group !== undefined && groupColors[n.group]) { return groupColors[n.group]; }
    return classes[n.kind].color;
  }
  function isShown(n) {
    if (hiddenKinds.has(n.kind)) { return false; }
    return topN === null || n.rank < topN || extra.has(n.id);
  }
  function visNode(n, dim, withPosition) {
    var color = dim ? DIM : colorOf(n);
    var item = {
      id: n.id, shape: classes[n.kind].shape, size: n.size,
      color: { background: color, border: dim ? DIM : "#333", highlight: { background: color, border: "#000" },
               hover: { background: color, border: "#000" } },
      font: { color: dim ? "rgba(120,120,120,0.5)" : "#222" }
    };
    // Large views label only their biggest nodes; every label is still in the tooltip and the search.
    if (!large || n.rank < 200 || extra.has(n.id) || n.id === selected) { item.label = n.label; }
    if (withPosition) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function visEdge(e, dim) {
    var item = { id: e.id, from: e.from, to: e.to, width: e.width,
                 color: { color: dim ? "rgba(200,200,200,0.25)" : "#9a9a9a", highlight: "#333", hover: "#555" } };
    if (data.edgeLabels) { item.label = e.relation; }
    if (e.directed) { item.arrows = { to: { enabled: true, scaleFactor: 0.45 } }; }
    return item;
  }

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var container = document.getElementById("network");
  var options = {
    autoResize: true,
    layout: { improvedLayout: false },
    // Long names wrap instead of running over their neighbours.
    nodes: { borderWidth: 1, font: { size: 13, face: "system-ui, sans-serif" }, widthConstraint: { maximum: 170 } },
    edges: { smooth: large ? false : { type: "continuous" }, selectionWidth: 2,
             font: { size: 10, align: "middle", color: "#555", strokeWidth: 3 } },
    interaction: { hover: true, hideEdgesOnDrag: large, hideEdgesOnZoom: large, tooltipDelay: 150,
                   navigationButtons: false, keyboard: false },
    physics: data.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -80, springLength: 120, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: 150, updateInterval: 50, fit: true }
    } : { enabled: false }
  };

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
    Object.keys(moved).forEach(function (id) { var n = byId.get(Number(id)); n.x = moved[id].x; n.y = moved[id].y; });
  }
  function redraw() {
    keepPositions();
    var ids = shownIds();
    var focus = selected !== null && ids.has(selected) ? neighbourhood(selected) : null;
    var nodeItems = [];
    data.nodes.forEach(function (n) { if (ids.has(n.id)) { nodeItems.push(visNode(n, focus && !focus.nodes.has(n.id), true)); } });
    var edgeItems = [];
    data.edges.forEach(function (e) {
      if (ids.has(e.from) && ids.has(e.to)) { edgeItems.push(visEdge(e, focus && !focus.edges.has(e.id))); }
    });
    nodes.clear(); edges.clear();
    nodes.add(nodeItems); edges.add(edgeItems);
    document.getElementById("counts").textContent =
      nodeItems.length + " of " + data.nodes.length + " nodes, " + edgeItems.length + " of " + data.edges.length + " edges";
  }
  function highlight() {
    var ids = shownIds();
    var focus = selected !== null ? neighbourhood(selected) : null;
    var nodeItems = [];
    data.nodes.forEach(function (n) { if (ids.has(n.id)) { nodeItems.push(visNode(n, focus && !focus.nodes.has(n.id))); } });
    var edgeItems = [];
    data.edges.forEach(function (e) {
      if (ids.has(e.from) && ids.has(e.to)) { edgeItems.push(visEdge(e, focus && !focus.edges.has(e.id))); }
    });
    nodes.update(nodeItems); edges.update(edgeItems);
  }
  var network = null;

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

  // --- side panel -----------------------------------------------------------------------------------
  var panel = document.getElementById("panel");
  function section(title, items, make, left) {
    var frag = document.createDocumentFragment();
    if (!items.length && !left) { return frag; }
    frag.appendChild(el("h3", title));
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(make(item)); });
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
  function relationText(e) {
    return byId.get(e.from).label + " — " + e.relation + " — " + byId.get(e.to).label;
  }
  function relationItem(n, e) {
    // Subject — relation — object, in the direction the relation is stated; the other end is a link.
    var li = el("li");
    [byId.get(e.from), null, byId.get(e.to)].forEach(function (end, i) {
      if (i > 0) { li.appendChild(document.createTextNode(" — ")); }
      if (end === null) { li.appendChild(document.createTextNode(e.relation)); }
      else if (end.id === n.id) { li.appendChild(el("span", end.label, "this")); }
      else { li.appendChild(nodeLink(end)); }
    });
    return li;
  }
  function showNode(n) {
    panel.replaceChildren();
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("div", n.kind + (n.group !== undefined ? " · community " + n.group : ""), "meta"));
    panel.appendChild(el("div", data.sizeMeasure + ": " + n.score, "meta"));
    if (n.url && n.id !== data.focus && safeHref(n.url)) {
      var a = el("a", "Open the page of " + n.label);
      a.href = safeHref(n.url);
      panel.appendChild(a);
    }
    if (n.iri) { panel.appendChild(el("div", n.iri, "meta")); }
    panel.appendChild(section("Key facts", n.keyFacts, function (f) { return el("li", f); }, omitted(n, "keyFacts")));
    var drawn = incident.get(n.id);
    var drawnText = new Set(drawn.map(relationText));
    // Facts drawn as edges are listed once, under Relations, with links.
    var facts = n.facts.filter(function (f) { return !drawnText.has(f); });
    var left = omitted(n, "facts");
    if (left && n.url && n.id !== data.focus) { left = left + " (on its page)"; }
    panel.appendChild(section("Facts", facts, function (f) { return el("li", f); }, left));
    panel.appendChild(section("Relations", drawn, function (e) { return relationItem(n, e); }));
    if (n.sources.length || omitted(n, "sources")) {
      panel.appendChild(el("h3", "Sources"));
      var list = sourceList(n.sources, n.sources.length);
      if (omitted(n, "sources")) { list.appendChild(moreLine(omitted(n, "sources"), "sentences")); }
      panel.appendChild(list);
    }
  }
  function showEdgeDetails(e) {
    panel.replaceChildren();
    var head = el("h2");
    head.appendChild(nodeLink(byId.get(e.from)));
    head.appendChild(document.createTextNode(" — " + e.relation + (e.directed ? " → " : " — ")));
    head.appendChild(nodeLink(byId.get(e.to)));
    panel.appendChild(head);
    if (data.colorBy === "group") { panel.appendChild(el("div", "weight " + e.weight, "meta")); }
    panel.appendChild(section("Evidence", e.evidence, function (f) { return el("li", f); }, omitted(e, "evidence")));
    if (e.sources.length) {
      panel.appendChild(el("h3", "Sources"));
      var list = sourceList(e.sources, e.sources.length);
      if (omitted(e, "sources")) { list.appendChild(moreLine(omitted(e, "sources"), "sentences")); }
      panel.appendChild(list);
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
      box.appendChild(el("div", n.label, "tip-title"));
      box.appendChild(el("div", n.kind, "meta"));
      if (n.keyFacts.length) {
        var ul = el("ul");
        n.keyFacts.slice(0, 6).forEach(function (f) { ul.appendChild(el("li", f)); });
        box.appendChild(ul);
      }
      if (n.sources.length) {
        box.appendChild(sourceList(n.sources, 3));
        var more = n.sources.length - 3 + omitted(n, "sources");
        if (more > 0) { box.appendChild(el("div", "… and " + more + " more sentences (click the node)", "meta")); }
      }
    };
  }
  function edgeTooltip(e) {
    return function (box) {
      box.appendChild(el("div", e.relation, "tip-title"));
      box.appendChild(el("div", byId.get(e.from).label + (e.directed ? " → " : " — ") + byId.get(e.to).label, "meta"));
      if (data.colorBy === "group") { box.appendChild(el("div", "weight " + e.weight, "meta")); }
      if (e.evidence.length) {
        var why = el("ul");
        e.evidence.slice(0, 4).forEach(function (f) { why.appendChild(el("li", f)); });
        box.appendChild(why);
      }
      if (e.sources.length) { box.appendChild(sourceList(e.sources, 2)); }
    };
  }

  // --- legend and class filter ------------------------------------------------------------------------
  var legend = document.getElementById("legend");
  legend.appendChild(el("h4", data.colorBy === "group" ? "Shape: class (untick to hide)" : "Class (untick to hide)"));
  var entries = el("div", null, "entries");
  data.classes.forEach(function (c) {
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
  if (data.colorBy === "group" && data.groups.length) {
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
  legend.appendChild(el("div", "Size: " + data.sizeMeasure + (data.colorBy === "group" ? "; width: tie weight" : "") +
                              (data.nodes.some(function (n) { return n.url; }) ? ". Click a node for its details and a link to its page." : ""), "meta"));

  // --- header: links, search, top N -------------------------------------------------------------------
  var links = document.getElementById("links");
  data.links.forEach(function (l) {
    if (safeHref(l.href) === null) { return; }
    var a = el("a", l.text); a.href = safeHref(l.href); links.appendChild(a);
  });
  if (data.subtitle) { links.appendChild(el("span", data.subtitle, "meta")); }
  var names = document.getElementById("names");
  if (data.nodes.length <= 5000) {
    data.nodes.slice().sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; })
      .forEach(function (n) { var o = el("option"); o.value = n.label; names.appendChild(o); });
  }
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) { return null; }
    var tests = [
      function (n) { return n.label.toLowerCase() === q || (n.iri && n.iri.toLowerCase() === q); },
      function (n) { return n.label.toLowerCase().indexOf(q) === 0; },
      function (n) { return n.label.toLowerCase().indexOf(q) >= 0; }
    ];
    for (var i = 0; i < tests.length; i++) {
      var hits = data.nodes.filter(tests[i]);
      if (hits.length) { hits.sort(function (a, b) { return a.rank - b.rank; }); return hits[0]; }
    }
    return null;
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
    incident.get(id).forEach(function (e) { if (!isShown(byId.get(e.from)) || !isShown(byId.get(e.to))) { extra.add(e.from); extra.add(e.to); } });
    redraw();
    network.selectNodes([id]);
    fitNeighbourhood(id);
    showNode(n);
    return true;
  }
  function search(text) {
    var status = document.getElementById("search-status");
    var n = find(text);
    status.textContent = n ? "" : "no match for “" + text + "”";
    if (n) { select(n.id); }
    return n ? n.id : null;
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
  function selectFromAddress() {
    // "page.html#node=<IRI or name>" opens the page on that node (the index links entities this way).
    var match = /^#node=(.+)$/.exec(window.location.hash);
    if (!match) { return false; }
    var wanted;
    try { wanted = decodeURIComponent(match[1]); } catch (err) { return false; }
    var n = data.nodes.find(function (m) { return m.iri === wanted; }) || find(wanted);
    return n ? select(n.id) : false;
  }

  // --- the network ------------------------------------------------------------------------------------
  redraw();
  network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var api = { network: network, nodes: nodes, edges: edges, data: data, search: search, select: select, ready: false };
  window.kgView = api;
  network.on("click", function (params) {
    tooltip.hidden = true;
    if (params.nodes.length) {
      selected = params.nodes[0];
      highlight();
      showNode(byId.get(selected));
    } else if (params.edges.length) {
      showEdgeDetails(data.edges[params.edges[0]]);
    } else {
      selected = null;
      highlight();
      clearPanel();
    }
  });
  network.on("hoverNode", function (params) { showTooltip(params.pointer.DOM, nodeTooltip(byId.get(params.node))); });
  network.on("hoverEdge", function (params) { showTooltip(params.pointer.DOM, edgeTooltip(data.edges[params.edge])); });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("blurEdge", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });
  window.addEventListener("hashchange", selectFromAddress);
  function ready() {
    if (api.ready) { return; }
    if (data.physics) { network.setOptions({ physics: { enabled: false } }); }
    if (!selectFromAddress() && data.focus !== null && data.focus !== undefined) { select(data.focus); }
    api.ready = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", ready);
  }
  network.once("afterDrawing", function () { if (!data.physics) { ready(); } });
})();
