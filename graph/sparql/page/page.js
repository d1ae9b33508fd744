"use strict";
// Results are data: every value goes into the page with textContent, never as HTML.
const $ = (id) => document.getElementById(id);
let saved = [];

function show(term) {
  if (!term) return "";
  return term.value;
}

function table(data) {
  const out = $("results");
  out.replaceChildren();
  if ("boolean" in data) {
    const p = document.createElement("p");
    p.textContent = data.boolean ? "yes" : "no";
    out.appendChild(p);
    return 1;
  }
  const vars = data.head.vars;
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of data.results.bindings) {
    const tr = body.insertRow();
    for (const v of vars) tr.insertCell().textContent = show(row[v]);
  }
  out.appendChild(t);
  return data.results.bindings.length;
}

async function run() {
  $("status").textContent = "running...";
  $("results").replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("sparql", {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
      body: new URLSearchParams({query: $("query").value}),
    });
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      $("results").replaceChildren();
      $("status").textContent = "error " + response.status + ": " + text;
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("application/sparql-results+json")) {
      const n = table(JSON.parse(text));
      $("status").textContent = n + " row(s) in " + seconds + " s";
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      $("results").replaceChildren(pre);
      $("status").textContent = "graph result in " + seconds + " s";
    }
  } catch (error) {
    $("status").textContent = "failed: " + error;
  }
}

async function load() {
  $("run").addEventListener("click", run);
  $("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && e.ctrlKey) run(); });
  saved = await (await fetch("queries.json")).json();
  for (const q of saved) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.name + " - " + q.question;
    $("saved").appendChild(option);
  }
  $("saved").addEventListener("change", () => {
    const q = saved.find((s) => s.name === $("saved").value);
    $("question").textContent = q ? q.question : "";
    if (q) $("query").value = q.text;
  });
  const views = await (await fetch("views.json")).json();
  for (const path of views) {
    const a = document.createElement("a");
    a.href = path;
    a.textContent = path === "index.html" ? "views" : path.slice(6, -5);
    $("views").appendChild(a);
  }
}

document.addEventListener("DOMContentLoaded", load);
