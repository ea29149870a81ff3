// The demo page: the schema, a query form and a results table. Python runs in worker.js; this
// file only posts queries and draws results, so the page stays responsive (the tick counter
// in the corner keeps counting while a query runs).
const $ = (sel) => document.querySelector(sel);
const worker = new Worker("worker.js", { type: "module" });
const pending = new Map();
let nextId = 1;

// A timer tick and an animation frame counter: if Python ran on this thread, both would stall.
const ui = { ticks: 0, frames: 0, jobs: 0, started: 0 };
window.demoUi = ui;
setInterval(() => { ui.ticks += 1; $("#ticks").textContent = ui.ticks; }, 50);
(function frame() { ui.frames += 1; $("#frames").textContent = ui.frames; requestAnimationFrame(frame); })();

const PRESETS = [
  { label: "Products under 50, cheapest first", model: "product", action: "find_many",
    args: { where: { price: { lt: 50 } }, order: { price: "asc" } } },
  { label: "Customers with their orders, items and products (one statement)", model: "customer", action: "find_many",
    args: { order: { name: "asc" }, include: { orders: { include: { items: { include: { product: true } } } }, _count: true } } },
  { label: "Customers who ordered 2 or more of something", model: "customer", action: "find_many",
    args: { where: { orders: { some: { items: { some: { quantity: { gte: 2 } } } } } } } },
  { label: "Orders per status", model: "order", action: "group_by", args: { by: ["status"], _count: { _all: true } } },
  { label: "Count pending orders", model: "order", action: "count", args: { where: { status: "PENDING" } } },
  { label: "Add a customer", model: "customer", action: "create",
    args: { data: { email: "linus@example.com", name: "Linus" } } },
  { label: "Rename a product", model: "product", action: "update",
    args: { where: { sku: "MS-2" }, data: { name: "Mouse (wireless)", price: { increment: 5 } } } },
];

function call(op, payload) {
  const id = nextId++;
  ui.jobs += 1;
  ui.started += 1;
  $("#busy").textContent = "busy";
  const ticksAtStart = ui.ticks;
  worker.postMessage({ id, op, payload });
  return new Promise((resolve) => pending.set(id, (msg) => {
    ui.jobs -= 1;
    if (!ui.jobs) $("#busy").textContent = "idle";
    $("#job-ticks").textContent = ui.ticks - ticksAtStart;
    resolve(msg);
  }));
}

worker.onmessage = ({ data }) => {
  if (data.status) { setStatus(`${data.status} (${data.ms} ms)`); return; }
  const done = pending.get(data.id);
  pending.delete(data.id);
  done?.(data);
};
worker.onerror = (e) => setStatus(`worker error: ${e.message}`, true);

function setStatus(text, error = false) {
  $("#status").textContent = text;
  $("#status").classList.toggle("error", error);
}

function target() {
  const t = $("input[name=target]:checked").value;
  return { target: t, neonUrl: $("#neon-url").value.trim(), connectionString: $("#neon-conn").value.trim() };
}

function choosePreset(i) {
  const p = PRESETS[i];
  $("#model").value = p.model;
  $("#action").value = p.action;
  $("#args").value = JSON.stringify(p.args, null, 2);
}

async function setup() {
  const t = target();
  setStatus(`creating tables and sample data on ${t.target}...`);
  const res = await call("setup", t);
  if (res.ok) setStatus(`${t.target}: tables and sample data ready (${res.ms} ms)`);
  else setStatus(res.error, true);
  return res;
}

async function run() {
  let args;
  try { args = JSON.parse($("#args").value || "{}"); } catch (e) { setStatus(`arguments: ${e.message}`, true); return; }
  const t = target();
  setStatus(`running ${$("#model").value}.${$("#action").value} on ${t.target}...`);
  const res = await call("run", { ...t, model: $("#model").value, action: $("#action").value, args });
  if (!res.ok) { setStatus(res.error, true); return; }
  draw(res.columns, res.rows);
  const n = res.rows.length;
  setStatus(`${t.target}: ${n} row${n === 1 ? "" : "s"} in ${res.ms} ms, ${res.statements} statement${res.statements === 1 ? "" : "s"}`);
}

function draw(columns, rows) {
  const cell = (v) => (v !== null && typeof v === "object" ? JSON.stringify(v) : String(v));
  const table = $("#results");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const c of columns) head.appendChild(Object.assign(document.createElement("th"), { textContent: c }));
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of r) {
      const td = tr.insertCell();
      td.textContent = cell(v);
      td.title = td.textContent;
      if (v !== null && typeof v === "object") td.className = "json";
    }
  }
}

async function main() {
  const sel = $("#preset");
  PRESETS.forEach((p, i) => sel.add(new Option(p.label, String(i))));
  sel.onchange = () => choosePreset(Number(sel.value));
  choosePreset(0);
  $("#run").onclick = run;
  $("#setup").onclick = setup;
  $("#schema").textContent = await (await fetch("/schema.prisma")).text();
  const config = await (await fetch("/config.json")).json();
  if (config.neonUrl) {
    $("#neon-url").value = config.neonUrl;
    $("#neon-conn").value = config.connectionString;
  }
  setStatus("starting Python in a Web Worker...");
  const res = await call("setup", { target: "sqlite" });   // boots Pyodide, then seeds in-browser SQLite
  if (res.ok) setStatus(`ready: in-browser SQLite has the sample shop (set up in ${res.ms} ms)`);
  else setStatus(res.error, true);
  document.body.dataset.ready = res.ok ? "yes" : "failed";
}

main();
