// perpcarry dashboard: polls the bot's JSON API every few seconds (and keeps polling through a daemon restart).
"use strict";
const POLL_MS = 3000;
const $ = (id) => document.getElementById(id);
let fundingRows = [];
let fundingSort = { key: "net_apr_pct", desc: true };

async function get(path) {
  const r = await fetch(path, { cache: "no-store" });
  if (!r.ok) throw new Error(path + ": HTTP " + r.status);
  return r.json();
}

function esc(v) {
  return String(v === null || v === undefined ? "" : v).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function num(v, digits) {
  if (v === null || v === undefined || v === "") return "";
  const n = Number(v);
  return isNaN(n) ? esc(v) : n.toFixed(digits === undefined ? 2 : digits);
}

function signed(v, digits) {
  const n = Number(v);
  const cls = n > 0 ? "pos" : n < 0 ? "neg" : "";
  return '<span class="' + cls + '">' + num(v, digits) + "</span>";
}

function renderState(s) {
  $("state").textContent = "state " + s.state + (s.paused ? " (paused)" : "") + "  ·  " + s.mode +
    (s.reconciled ? "" : "  ·  not reconciled yet");
  const b = $("banner");
  if (s.control) { b.hidden = false; b.textContent = s.control.line; } else { b.hidden = true; }
}

function renderHedge(h) {
  if (!h.held) { $("hedge").innerHTML = "<p>no hedge on</p>"; return; }
  let html = "<p><b>" + esc(h.symbol) + "</b> opened " + esc(h.opened_at) + ", closes " + esc(h.target_close_at) +
    ", notional " + num(h.entry_notional_usd) + " USD</p><table><thead><tr><th>venue</th><th>side</th><th>size</th>" +
    "<th>entry</th><th>uPnL</th><th>funding</th><th>liq dist %</th></tr></thead><tbody>";
  for (const l of h.legs) {
    html += "<tr><td>" + esc(l.venue) + "</td><td>" + esc(l.side) + "</td><td>" + esc(l.size) + "</td><td>" +
      esc(l.entry_price) + "</td><td>" + signed(l.unrealized_pnl) + "</td><td>" + signed(l.funding_received, 4) +
      "</td><td>" + esc(l.liquidation_distance_pct) + "</td></tr>";
  }
  $("hedge").innerHTML = html + "</tbody></table>";
}

function renderCapital(c) {
  let html = "<table><thead><tr><th>venue</th><th>equity</th><th>available</th></tr></thead><tbody>";
  for (const v of c.venues) {
    html += "<tr><td>" + esc(v.venue) + "</td><td>" + (v.known ? num(v.equity) : "UNKNOWN") + "</td><td>" +
      (v.known ? num(v.available) : esc(v.error)) + "</td></tr>";
  }
  html += "</tbody></table>";
  if (c.rebalance) {
    html += "<p>to balance: move " + esc(c.rebalance.amount_usd) + " USD from " + esc(c.rebalance.from) + " to " +
      esc(c.rebalance.to) + " <span class=\"muted\">(" + esc(c.rebalance.note) + ")</span></p>";
  }
  $("capital").innerHTML = html;
}

const FUNDING_COLS = [["symbol", "symbol"], ["lighter_apr_pct", "Lighter APR %"], ["edgex_apr_pct", "EdgeX APR %"],
  ["net_apr_pct", "net APR %"], ["break_even_hours", "break-even h"], ["long_venue", "long"], ["volume_24h_usd", "24h vol"],
  ["excluded_reason", "excluded"]];

function renderFunding() {
  const head = $("funding").tHead;
  head.innerHTML = "<tr>" + FUNDING_COLS.map(([k, t]) => '<th data-key="' + k + '">' + esc(t) +
    (fundingSort.key === k ? (fundingSort.desc ? " ▼" : " ▲") : "") + "</th>").join("") + "</tr>";
  for (const th of head.querySelectorAll("th")) {
    th.onclick = () => {
      const k = th.dataset.key;
      fundingSort = { key: k, desc: fundingSort.key === k ? !fundingSort.desc : true };
      renderFunding();
    };
  }
  const rows = fundingRows.slice().sort((a, b) => {
    const x = a[fundingSort.key], y = b[fundingSort.key];
    const nx = Number(x), ny = Number(y);
    const cmp = (x !== null && y !== null && !isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
    return fundingSort.desc ? -cmp : cmp;
  });
  $("funding").tBodies[0].innerHTML = rows.map((r) => '<tr class="' + (r.best ? "best" : "") + '">' +
    FUNDING_COLS.map(([k]) => "<td>" + (k.endsWith("_pct") ? num(r[k]) : esc(r[k])) + "</td>").join("") + "</tr>").join("");
}

function renderCycles(c) {
  const rows = c.cycles;
  $("cycles").tHead.innerHTML = "<tr><th>symbol</th><th>closed</th><th>funding</th><th>fees</th><th>trading</th><th>net</th><th>reason</th></tr>";
  $("cycles").tBodies[0].innerHTML = rows.slice().reverse().map((r) => "<tr><td>" + esc(r.symbol) + "</td><td>" +
    esc(r.closed_at) + "</td><td>" + signed(r.funding, 4) + "</td><td>" + signed(-Number(r.fees), 4) + "</td><td>" +
    signed(r.trading, 4) + "</td><td>" + signed(r.net_pnl, 4) + "</td><td>" + esc(r.close_reason) + "</td></tr>").join("");
  $("chart").innerHTML = chart(rows);
}

// Cumulative net PnL and its parts (funding, -fees, trading) per closed cycle, as inline SVG.
function chart(rows) {
  const W = 460, H = 180, P = 30;
  if (rows.length === 0) return '<p class="muted">no closed cycle yet</p>';
  const series = { funding: [0], fees: [0], trading: [0], net: [0] };
  for (const r of rows) {
    const last = (k) => series[k][series[k].length - 1];
    series.funding.push(last("funding") + Number(r.funding));
    series.fees.push(last("fees") - Number(r.fees));
    series.trading.push(last("trading") + Number(r.trading));
    series.net.push(last("net") + Number(r.net_pnl));
  }
  const all = [].concat(...Object.values(series));
  const lo = Math.min(0, ...all), hi = Math.max(0, ...all), span = (hi - lo) || 1;
  const x = (i) => P + i * (W - 2 * P) / Math.max(1, rows.length);
  const y = (v) => H - P - (v - lo) * (H - 2 * P) / span;
  const colors = { funding: "#6cf", fees: "#f96", trading: "#c9f", net: "#7f7" };
  let svg = '<svg id="pnl-chart" width="' + W + '" height="' + H + '" role="img" aria-label="cumulative PnL">';
  svg += '<line x1="' + P + '" x2="' + (W - P) + '" y1="' + y(0) + '" y2="' + y(0) + '" stroke="#555"/>';
  for (const [k, pts] of Object.entries(series)) {
    svg += '<polyline fill="none" stroke-width="' + (k === "net" ? 2.5 : 1.5) + '" stroke="' + colors[k] + '" points="' +
      pts.map((v, i) => x(i) + "," + y(v)).join(" ") + '"/>';
  }
  let lx = P;
  for (const k of Object.keys(series)) {
    svg += '<text x="' + lx + '" y="14" fill="' + colors[k] + '" font-size="12">' + k + "</text>";
    lx += 70;
  }
  svg += '<text x="' + (W - P) + '" y="14" fill="#aaa" font-size="12" text-anchor="end">' +
    series.net[series.net.length - 1].toFixed(2) + " USD</text>";
  return svg + "</svg>";
}

function renderHealth(h) {
  $("health").innerHTML = "<table><thead><tr><th>venue</th><th>account</th><th>read at</th><th>error</th></tr></thead><tbody>" +
    h.venues.map((v) => "<tr><td>" + esc(v.venue) + "</td><td>" + (v.account_readable === null ? "?" : v.account_readable ? "OK" : "UNKNOWN") +
      "</td><td>" + esc(v.read_at) + "</td><td>" + esc(v.error) + "</td></tr>").join("") + "</tbody></table>";
}

function renderJournal(j) {
  $("journal").textContent = j.slice().reverse().map((e) => {
    const rest = Object.entries(e).filter(([k]) => k !== "ts" && k !== "type").map(([k, v]) => k + "=" + v).join(" ");
    return e.ts + "  " + e.type + "  " + rest;
  }).join("\n");
}

async function refresh() {
  try {
    const [state, hedge, capital, funding, cycles, health, journal] = await Promise.all(
      ["state", "hedge", "capital", "funding", "cycles", "health", "journal"].map((p) => get("/api/" + p)));
    renderState(state); renderHedge(hedge); renderCapital(capital);
    fundingRows = funding; renderFunding(); renderCycles(cycles); renderHealth(health); renderJournal(journal);
    $("conn").textContent = "updated " + new Date().toISOString();
  } catch (e) {
    $("conn").textContent = "bot not reachable (" + e.message + "); retrying";
  }
}

async function control(action, label) {
  if (!window.confirm(label + "?")) return;
  const r = await fetch("/api/control/" + action, {
    method: "POST", headers: { "Authorization": "Bearer " + $("token").value }
  });
  const body = await r.json().catch(() => ({}));
  $("control-result").textContent = "HTTP " + r.status + ": " + (body.message || body.error || "");
  refresh();
}

for (const b of document.querySelectorAll("button[data-action]")) {
  b.onclick = () => control(b.dataset.action, b.textContent);
}
refresh();
setInterval(refresh, POLL_MS);
