// perpcarry dashboard: polls the bot's JSON API every few seconds and redraws everything from each answer, so a
// daemon restart shows "disconnected" and then the restarted bot's own state. Plain JS, no build step, no CDN.
"use strict";
const POLL_MS = 3000;
const TIMEOUT_MS = 5000;
const $ = (id) => document.getElementById(id);
let fundingRows = [];
let fundingSort = { key: "net_apr_pct", desc: true };
let heldSymbol = null;
let downSince = null;
let polling = false;

async function get(path) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const r = await fetch(path, { cache: "no-store", signal: abort.signal });
    if (!r.ok) throw new Error(path + ": HTTP " + r.status);
    return await r.json();
  } finally {
    clearTimeout(timer);
  }
}

function esc(v) {
  return String(v === null || v === undefined ? "" : v).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function num(v, digits) {
  if (v === null || v === undefined || v === "") return "-";
  const n = Number(v);
  return isNaN(n) ? esc(v) : n.toFixed(digits === undefined ? 2 : digits);
}

function signed(v, digits) {
  const n = Number(v);
  const cls = n > 0 ? "pos" : n < 0 ? "neg" : "";
  return '<span class="' + cls + '">' + num(v, digits) + "</span>";
}

function duration(ms) {
  if (ms <= 0) return "now";
  const s = Math.floor(ms / 1000);
  return Math.floor(s / 3600) + "h" + String(Math.floor(s % 3600 / 60)).padStart(2, "0") + "m";
}

function table(headers, rows) {
  return "<table><thead><tr>" + headers.map((h) => "<th>" + esc(h) + "</th>").join("") + "</tr></thead><tbody>" +
    rows.map((r) => "<tr>" + r.map((c) => "<td>" + c + "</td>").join("") + "</tr>").join("") + "</tbody></table>";
}

function renderState(s) {
  $("mode").textContent = s.mode;
  const paper = /^paper/i.test(s.mode), demo = /^demo/i.test(s.mode);
  const mb = $("banner-mode");
  mb.hidden = !(paper || demo);
  mb.textContent = paper ? "PAPER: simulated account on live market data, no order reaches a venue" : demo ? "DEMO: emulated venues" : "";
  const st = $("state");
  st.textContent = "state " + s.state + (s.paused ? " (paused)" : "") + (s.reconciled ? "" : "  ·  not reconciled yet") +
    (s.state === "WAITING" && s.wait_until ? "  ·  waiting until " + s.wait_until : "");
  st.className = s.state === "HALTED" ? "neg" : "";
  const b = $("banner");
  const line = s.control ? s.control.line : s.halt_reason ? "HALTED: " + s.halt_reason : null;
  b.hidden = !line;
  b.textContent = line || "";
  b.dataset.kind = s.control ? s.control.kind : s.halt_reason ? "HALTED" : "";
}

// The bot's clock (the last venue read), not this browser's: the two differ on emulators and on a skewed PC.
function botNow(capital) {
  const t = capital.venues.map((v) => Date.parse(v.read_at)).filter((x) => !isNaN(x));
  return t.length ? Math.max(...t) : Date.now();
}

function renderHedge(h, now) {
  heldSymbol = h.held ? h.symbol : null;
  if (!h.held) { $("hedge").innerHTML = '<p id="no-hedge">no hedge on</p>'; return; }
  const long = h.legs.find((l) => l.side === "LONG"), short = h.legs.find((l) => l.side === "SHORT");
  let html = '<p><b id="hedge-symbol">' + esc(h.symbol) + "</b>: long " + esc(long && long.venue) + " / short " +
    esc(short && short.venue) + ", notional " + num(h.entry_notional_usd) + " USD<br><span class=\"muted\">opened " +
    esc(h.opened_at) + ", hold ends in " + duration(Date.parse(h.target_close_at) - now) + " (" +
    esc(h.target_close_at) + ")</span></p>";
  let total = 0, known = true;
  const rows = h.legs.map((l) => {
    if (l.venue_error || l.unrealized_pnl === undefined) known = false;
    else total += Number(l.unrealized_pnl) + Number(l.funding_received || 0);
    return [esc(l.venue), esc(l.side), esc(l.size), esc(l.entry_price),
      l.venue_error ? '<span class="neg">UNKNOWN: ' + esc(l.venue_error) + "</span>" : signed(l.unrealized_pnl),
      signed(l.funding_received, 4), num(l.liquidation_price, 4), num(l.liquidation_distance_pct)];
  });
  html += table(["venue", "side", "size", "entry", "uPnL", "funding", "liq price", "liq dist %"], rows).replace("<table>", '<table id="legs">');
  html += "<p>total (uPnL + funding): " + (known ? signed(total) + " USD" : '<span class="neg">UNKNOWN</span>') + "</p>";
  $("hedge").innerHTML = html;
}

function renderCapital(c) {
  if (c.venues.length === 0) { $("capital").innerHTML = '<p class="muted">waiting for the first venue read</p>'; return; }
  let html = table(["venue", "equity USD", "available USD", "read at"], c.venues.map((v) => [esc(v.venue),
    v.known ? num(v.equity) : '<span class="neg">UNKNOWN</span>', v.known ? num(v.available) : esc(v.error), esc(v.read_at)]));
  const r = c.rebalance;
  if (!r) {
    html += '<p id="rebalance" class="muted">rebalance: unknown until both venues are read</p>';
  } else if (Number(r.amount_usd) === 0) {
    html += '<p id="rebalance">balanced: no transfer needed</p>';
  } else {
    html += '<p id="rebalance">to balance: move <b>' + esc(r.amount_usd) + " USD</b> from <b>" + esc(r.from) +
      "</b> to <b>" + esc(r.to) + '</b><br><span class="muted">' + esc(r.note) + "</span></p>";
  }
  $("capital").innerHTML = html;
}

const FUNDING_COLS = [["symbol", "symbol"], ["lighter_apr_pct", "Lighter APR %"], ["edgex_apr_pct", "EdgeX APR %"],
  ["gross_spread_apr_pct", "gross %"], ["net_apr_pct", "net APR %"], ["break_even_hours", "break-even h"],
  ["long_venue", "long"], ["short_venue", "short"], ["volume_24h_usd", "24h vol USD"], ["mid_gap_pct", "gap %"],
  ["excluded_reason", "note"]];

function cell(r, k) {
  if (k === "excluded_reason") {
    return [r.best ? "★ BEST" : "", r.symbol === heldSymbol ? "◀ CURRENT" : "",
      r.excluded_reason ? "excluded: " + esc(r.excluded_reason) : ""].filter((x) => x).join(" ");
  }
  if (k === "volume_24h_usd") return num(r[k], 0);
  if (k === "break_even_hours") return num(r[k], 1);
  if (k === "mid_gap_pct") return num(r[k], 3);
  return k.endsWith("_pct") ? num(r[k]) : esc(r[k]);
}

// Numbers compare as numbers, text as text; empty values always last.
function compare(a, b, key, desc) {
  const x = a[key], y = b[key];
  const ex = x === null || x === undefined || x === "", ey = y === null || y === undefined || y === "";
  if (ex || ey) return ex === ey ? 0 : ex ? 1 : -1;
  const nx = Number(x), ny = Number(y);
  const cmp = !isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y));
  return desc ? -cmp : cmp;
}

function renderFunding() {
  const head = $("funding").tHead;
  head.innerHTML = "<tr>" + FUNDING_COLS.map(([k, t]) => '<th data-key="' + k + '" title="sort">' + esc(t) +
    (fundingSort.key === k ? (fundingSort.desc ? " ▼" : " ▲") : "") + "</th>").join("") + "</tr>";
  for (const th of head.querySelectorAll("th")) {
    th.onclick = () => {
      const k = th.dataset.key;
      fundingSort = { key: k, desc: fundingSort.key === k ? !fundingSort.desc : k !== "symbol" };
      renderFunding();
    };
  }
  const rows = fundingRows.slice().sort((a, b) => compare(a, b, fundingSort.key, fundingSort.desc));
  $("funding").tBodies[0].innerHTML = rows.length === 0 ? '<tr><td class="muted">no scan yet</td></tr>' :
    rows.map((r) => '<tr data-symbol="' + esc(r.symbol) + '" class="' + (r.best ? "best " : "") +
      (r.symbol === heldSymbol ? "current " : "") + (r.eligible === false ? "excluded" : "") + '">' +
      FUNDING_COLS.map(([k]) => "<td>" + cell(r, k) + "</td>").join("") + "</tr>").join("");
}

function renderCycles(c) {
  const rows = c.cycles, s = c.stats || {};
  $("summary").textContent = "cycles " + (s.cycles !== undefined ? s.cycles : rows.length) + "  ·  net PnL (closed cycles) " +
    num(s.net_pnl) + " USD" + (s.stop_losses !== undefined ? "  ·  stop-losses " + s.stop_losses : "") +
    (s.volume_usd !== undefined ? "  ·  volume " + num(s.volume_usd, 0) + " USD" : "");
  $("cycle-stats").textContent = rows.length + " closed cycle(s)";
  $("cycles").tHead.innerHTML = "<tr><th>symbol</th><th>long</th><th>closed</th><th>funding</th><th>fees</th><th>trading</th>" +
    "<th>net</th><th>reason</th></tr>";
  $("cycles").tBodies[0].innerHTML = rows.slice().reverse().map((r) => "<tr><td>" + esc(r.symbol) + "</td><td>" +
    esc(r.long_venue) + "</td><td>" + esc(r.closed_at) + "</td><td>" + signed(r.funding, 4) + "</td><td>" +
    signed(-Number(r.fees), 4) + "</td><td>" + signed(r.trading, 4) + "</td><td>" + signed(r.net_pnl, 4) + "</td><td>" +
    esc(r.close_reason) + (r.stop_loss ? ' <span class="neg">STOP-LOSS</span>' : "") + "</td></tr>").join("");
  $("chart").innerHTML = chart(rows);
}

// Cumulative net PnL and its parts (funding, -fees, trading) after each closed cycle, as inline SVG.
function chart(rows) {
  const W = 560, H = 200, P = 34;
  if (rows.length === 0) return '<p class="muted">no closed cycle yet: the chart starts with the first close</p>';
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
  let svg = '<svg id="pnl-chart" viewBox="0 0 ' + W + " " + H + '" width="100%" height="' + H + '" role="img" aria-label="cumulative PnL">';
  svg += '<line x1="' + P + '" x2="' + (W - P) + '" y1="' + y(0) + '" y2="' + y(0) + '" stroke="#555"/>';
  svg += '<text x="4" y="' + (y(hi) + 4) + '" fill="#888" font-size="10">' + hi.toFixed(2) + "</text>";
  svg += '<text x="4" y="' + (y(lo) + 4) + '" fill="#888" font-size="10">' + lo.toFixed(2) + "</text>";
  svg += '<text x="' + (W - P) + '" y="' + (H - 8) + '" fill="#888" font-size="10" text-anchor="end">cycle ' + rows.length + "</text>";
  for (const [k, pts] of Object.entries(series)) {
    svg += '<polyline class="series-' + k + '" fill="none" stroke-width="' + (k === "net" ? 2.5 : 1.5) + '" stroke="' +
      colors[k] + '" points="' + pts.map((v, i) => x(i).toFixed(1) + "," + y(v).toFixed(1)).join(" ") + '"/>';
  }
  let lx = P;
  for (const k of Object.keys(series)) {
    svg += '<text x="' + lx + '" y="14" fill="' + colors[k] + '" font-size="12">' + (k === "fees" ? "-fees" : k) + "</text>";
    lx += 70;
  }
  svg += '<text x="' + (W - P) + '" y="14" fill="#aaa" font-size="12" text-anchor="end">net ' +
    series.net[series.net.length - 1].toFixed(2) + " USD</text>";
  return svg + "</svg>";
}

function renderHealth(h) {
  const ok = (b) => b === null || b === undefined ? "?" : b ? '<span class="pos">OK</span>' : '<span class="neg">NO</span>';
  const rows = h.venues.map((v) => {
    const books = Object.keys(v).filter((k) => k.startsWith("book_fresh_"))
      .map((k) => k.substring(11) + " " + (v[k] ? '<span class="pos">fresh</span>' : '<span class="neg">STALE</span>')).join(" ");
    return [esc(v.venue), v.account_readable === false ? '<span class="neg">UNKNOWN</span>' : ok(v.account_readable),
      books || '<span class="muted">no hedge held</span>', esc(v.read_at), esc(v.error)];
  });
  $("health").innerHTML = "<p>engine " + esc(h.state) + ", reconciled " + ok(h.reconciled) + "</p>" +
    table(["venue", "account", "book", "read at", "error"], rows);
}

function renderJournal(j) {
  $("journal").textContent = j.slice().reverse().map((e) => {
    const rest = Object.entries(e).filter(([k]) => k !== "ts" && k !== "type")
      .map(([k, v]) => k + "=" + (typeof v === "object" && v !== null ? JSON.stringify(v) : v)).join(" ");
    return e.ts + "  " + e.type + "  " + rest;
  }).join("\n");
}

async function refresh() {
  if (polling) return; // a slow answer: skip this tick rather than pile requests up
  polling = true;
  try {
    const [state, hedge, capital, funding, cycles, health, journal] = await Promise.all(
      ["state", "hedge", "capital", "funding", "cycles", "health", "journal"].map((p) => get("/api/" + p)));
    renderState(state); renderHedge(hedge, botNow(capital)); renderCapital(capital);
    fundingRows = funding; renderFunding(); renderCycles(cycles); renderHealth(health); renderJournal(journal);
    downSince = null;
    document.body.classList.remove("disconnected");
    $("conn").className = "conn ok";
    $("conn").textContent = "connected · updated " + new Date().toISOString().substring(11, 19) + " UTC";
  } catch (e) {
    downSince = downSince || new Date();
    document.body.classList.add("disconnected");
    $("conn").className = "conn down";
    $("conn").textContent = "disconnected since " + downSince.toISOString().substring(11, 19) +
      " UTC (" + e.message + "); retrying every " + POLL_MS / 1000 + " s; the figures below are from before";
  } finally {
    polling = false;
  }
}

async function control(action, label) {
  if (!window.confirm(label + "?")) return;
  try {
    const r = await fetch("/api/control/" + action, {
      method: "POST", headers: { "Authorization": "Bearer " + $("token").value }
    });
    const body = await r.json().catch(() => ({}));
    $("control-result").textContent = label + ": HTTP " + r.status + ": " + (body.message || body.error || "");
  } catch (e) {
    $("control-result").textContent = label + ": not sent (" + e.message + ")";
  }
  refresh();
}

for (const b of document.querySelectorAll("button[data-action]")) {
  b.onclick = () => control(b.dataset.action, b.textContent);
}
refresh();
setInterval(refresh, POLL_MS);
