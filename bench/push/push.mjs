// Scenario 4: push latency, from the API's 201 to each client seeing the change.
//  - K clients on /hubs/schedule (npm @microsoft/signalr, WebSockets), each watching the booked date;
//  - PAGES browser pages (playwright-core driving Debian's chromium): /board when this build has it
//    (feature-detected with an HTTP GET), else the signed-in Book page "/" moved to the booked date;
//    a MutationObserver timestamps the moment a slot's data-state turns "Booked".
// One process posts the bookings and receives the pushes, so both ends use one clock
// (performance.timeOrigin + performance.now(); the browser's is the same wall clock).
// Every loop is bounded in count and time.
// Several instances (bench/scaleout.sh): BENCH_BASES=URL_A,URL_B spreads hub clients and pages round-robin over them,
// bookings go through BENCH_POST_BASE (default the first), and every level also reports latency per instance.
import fs from 'node:fs';
import * as signalR from '@microsoft/signalr';
import { chromium } from 'playwright-core';

const env = (k, d) => process.env[k] ?? d;
const BASE = env('BENCH_BASE', 'http://127.0.0.1:5190');
const BASES = env('BENCH_BASES', BASE).split(',').filter(Boolean);
const NAMES = env('BENCH_INSTANCE_NAMES', BASES.length > 1 ? BASES.map((_, i) => String.fromCharCode(65 + i)).join(',') : 'app').split(',');
const POST_BASE = env('BENCH_POST_BASE', BASES[0]);
const handoff = JSON.parse(fs.readFileSync(env('BENCH_HANDOFF'), 'utf8'));
const PASSWORD = env('BENCH_PASSWORD');
const K_LIST = env('BENCH_PUSH_CLIENTS', '50,200').split(',').map(Number);
const BOOKINGS = Number(env('BENCH_PUSH_BOOKINGS', '50'));
const INTERVAL = Number(env('BENCH_PUSH_INTERVAL_MS', '200'));
const PAGES = Number(env('BENCH_PUSH_PAGES', '10'));
const SERVER_PIDS = env('BENCH_SERVER_PIDS', env('BENCH_SERVER_PID', '')).split(',').filter(Boolean);
const OUT = env('BENCH_PUSH_OUT', 'push.json');
const STRAGGLER_MS = Number(env('BENCH_PUSH_STRAGGLER_MS', '2000'));
const now = () => performance.timeOrigin + performance.now();
const sleep = ms => new Promise(r => setTimeout(r, ms));
const log = m => console.log(`[${new Date().toTimeString().slice(0, 8)}] ${m}`);

const rssKb1 = pid => { try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]); } catch { return 0; } };
const cpuSec1 = pid => { try { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; } catch { return 0; } };
// every server process summed (one or several instances)
const rssKb = pids => (Array.isArray(pids) ? pids : [pids]).reduce((a, p) => a + rssKb1(p), 0);
const cpuSec = pids => (Array.isArray(pids) ? pids : [pids]).reduce((a, p) => a + cpuSec1(p), 0);
const treeCpu = root => { // CPU seconds of a process's descendants (the browser and its helpers are children of this node process)
  if (!root) return 0;
  const kids = new Map();
  for (const d of fs.readdirSync('/proc').filter(x => /^\d+$/.test(x))) {
    try { const ppid = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]; (kids.get(ppid) ?? kids.set(ppid, []).get(ppid)).push(d); } catch { }
  }
  let sum = -cpuSec(root); const stack = [String(root)];
  while (stack.length) { const p = stack.pop(); sum += cpuSec(p); stack.push(...(kids.get(p) ?? [])); }
  return sum;
};
const pct = (xs) => {
  const s = [...xs].sort((a, b) => a - b), q = p => s.length ? +s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)].toFixed(1) : null;
  return { n: s.length, p50: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), max: s.length ? +s[s.length - 1].toFixed(1) : null, min: s.length ? +s[0].toFixed(1) : null };
};

const date = handoff.date;
const rooms = handoff.rooms;                 // [{id,name}]
const members = handoff.members;             // [{email, token}]
const slots = [];                            // every (room, period) of the booked date, in order of use
for (const p of handoff.periods) for (const r of rooms) slots.push({ roomId: r.id, room: r.name, start: p });
let nextSlot = 0;
const result = { base: BASES.join(','), instances: BASES.map((b, i) => ({ name: NAMES[i] ?? b, base: b })), postBase: POST_BASE, date, bookingsPerLevel: BOOKINGS, intervalMs: INTERVAL, stragglerMs: STRAGGLER_MS, levels: [] };
let deadline = Date.now() + Number(env('BENCH_PUSH_MAX_SECONDS', '240')) * 1000; // restarted once the pages are open

// ---- browser pages ------------------------------------------------------------------------
let browser = null; const pages = [];
const rss0 = rssKb(SERVER_PIDS);
result.serverRssMbBaseline = +(rss0 / 1024).toFixed(1);
if (PAGES > 0) {
  const boardProbe = await fetch(`${BASES[0]}/board`, { redirect: 'manual' }).catch(() => null);
  const hasBoard = boardProbe?.status === 200;
  result.pageKind = hasBoard ? `/board?date=${date}${env('BENCH_BOARD_FLOOR', '1') ? `&floor=${env('BENCH_BOARD_FLOOR', '1')}` : ''} (anonymous wall display)` : `/ (Book page, signed in, moved to ${date} with "Next day"; /board is absent in this build)`;
  browser = await chromium.launch({ executablePath: env('BENCH_CHROMIUM', '/usr/bin/chromium'), headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'] });
  const t0 = Date.now();
  // Issue 21: the board pages its rooms to fit its screen (issue 10), and rooms not on the page shown are not in the DOM.
  // Neither a tall screen alone (rows grow with it: at 1280x6000 a page held 39-41 of 80 rooms) nor one floor alone (at
  // 1920x1080 floor 1's 20 rooms paged 14 + 6) avoids paging; both together do: the boards show one floor (?floor=,
  // BENCH_BOARD_FLOOR, default 1: the 20 burst rooms) on a 6000 px tall screen (BENCH_BOARD_HEIGHT), and only rooms
  // every page shows are booked.
  const viewport = { width: 1920, height: Number(env('BENCH_BOARD_HEIGHT', '6000')) };
  const floor = env('BENCH_BOARD_FLOOR', '1');
  result.boardViewport = hasBoard ? `${viewport.width}x${viewport.height}` : null;
  result.boardFloor = hasBoard && floor ? floor : null;
  for (let i = 0; i < PAGES; i++) {
    const BASE = BASES[i % BASES.length];
    const ctx = await browser.newContext(hasBoard ? { viewport } : {});
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    if (hasBoard) {
      await page.goto(`${BASE}/board?date=${date}${floor ? `&floor=${floor}` : ''}`);
    } else {
      await page.goto(`${BASE}/Account/Login`);
      await page.fill('#email', members[i % members.length].email);
      await page.fill('#password', PASSWORD);
      await page.click('[data-testid=sign-in]');
      await page.waitForURL(u => !u.pathname.startsWith('/Account'));
      await page.waitForSelector('[data-interactive]', { state: 'attached' });
      await page.waitForSelector('.slot[data-state]');
      await page.click('[data-testid=next-day]');
      // the booked date is tomorrow: wait until the picker shows it
      const [y, mo, d] = date.split('-').map(Number);
      const label = `${d} ${['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][mo - 1]} ${y}`;
      await page.waitForFunction(l => (document.querySelector('input[aria-label=Date]')?.value ?? '').includes(l), label);
      await page.waitForSelector('[aria-busy=false]', { state: 'attached' }).catch(() => { });
    }
    await page.evaluate(() => {
      window.__push = {};
      const mark = (el, t) => {
        if (el.nodeType !== 1) return;
        const els = el.matches?.('[data-state]') ? [el] : [];
        els.push(...el.querySelectorAll?.('[data-state]') ?? []);
        for (const e of els) {
          if (e.dataset.state !== 'Booked') continue;
          const key = `${e.dataset.room ?? e.dataset.roomName ?? e.dataset.roomId}|${e.dataset.start}`;
          if (!(key in window.__push)) window.__push[key] = t;
        }
      };
      // Slots already booked before measuring are ignored.
      const seen = new Set([...document.querySelectorAll('[data-state=Booked]')].map(e => `${e.dataset.room ?? e.dataset.roomName ?? e.dataset.roomId}|${e.dataset.start}`));
      new MutationObserver(ms => {
        const t = performance.timeOrigin + performance.now();
        for (const m of ms) { if (m.type === 'attributes') mark(m.target, t); else m.addedNodes.forEach(n => mark(n, t)); }
        for (const k of seen) delete window.__push[k];
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    });
    pages.push({ page, inst: i % BASES.length });
  }
  result.pagesOpenSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  if (hasBoard) {
    // Measure only on rooms every page shows: book only those (the others would be "missing" by paging, not by push).
    // board.js measures the screen every second: wait (up to 30 s) until every page shows every room
    let shownBy = [];
    for (const t1 = Date.now(); Date.now() - t1 < 30_000; await sleep(1000)) {
      shownBy = await Promise.all(pages.map(({ page }) => page.evaluate(() => [...new Set([...document.querySelectorAll('[data-room]')].map(e => e.dataset.room))]).catch(() => [])));
      if (shownBy.every(names => names.length > 0 && names.length === shownBy[0].length) && shownBy.every(names => names.every(n => shownBy[0].includes(n)))) break;
    }
    // a page that shows no room at all (not rendered, circuit lost) is reported, not allowed to empty the set
    const rendered = shownBy.filter(names => names.length > 0);
    result.roomsShownPerPage = shownBy.map(names => names.length);
    const shownEverywhere = rooms.filter(r => rendered.length > 0 && rendered.every(names => names.includes(r.name)));
    result.roomsShownOnEveryPage = shownEverywhere.length; result.roomsTotal = rooms.length;
    const keep = new Set(shownEverywhere.map(r => r.name));
    if (keep.size > 0) slots.splice(0, slots.length, ...slots.filter(s => keep.has(s.room)));
    log(`${shownEverywhere.length} of ${rooms.length} rooms shown on every page that shows rooms (rooms per page: ${result.roomsShownPerPage.join(' ')}): bookings only on those`);
  }
  await sleep(1000);
  result.serverRssMbWithPages = +(rssKb(SERVER_PIDS) / 1024).toFixed(1);
  log(`${PAGES} pages open on ${result.pageKind}`);
}
const rssPages = rssKb(SERVER_PIDS);
// The bound is on the measurement: opening the pages can take minutes on a loaded machine (issue 21's before run: 3 min).
deadline = Date.now() + Number(env('BENCH_PUSH_MAX_SECONDS', '240')) * 1000;

// ---- hub clients per level ----------------------------------------------------------------
// After the levels with pages, the largest K once more with the browser closed: the hub path alone.
const plan = K_LIST.map(K => ({ K, withPages: true }));
if (PAGES > 0 && env('BENCH_PUSH_HUB_ONLY', '1') === '1') plan.push({ K: Math.max(...K_LIST), withPages: false });
for (const { K, withPages } of plan) {
  if (!withPages && browser) { await browser.close(); browser = null; pages.length = 0; await sleep(1000); }
  if (Date.now() > deadline) break;
  const clients = [];
  const connectT0 = Date.now();
  for (let i = 0; i < K; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, K - i) }, async (_, j) => {
      const recv = new Map(), inst = (i + j) % BASES.length;
      const c = new signalR.HubConnectionBuilder()
        .withUrl(`${BASES[inst]}/hubs/schedule`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
        .configureLogging(signalR.LogLevel.Error).build();
      c.on('ScheduleChanged', msg => {
        const t = now();
        if (msg.date === date && msg.state === 'Booked') { const k = `${msg.roomId}|${msg.start}`; if (!recv.has(k)) recv.set(k, t); }
      });
      await c.start();
      await c.invoke('Watch', date);
      clients.push({ c, recv, inst });
    }));
  }
  const connectSeconds = (Date.now() - connectT0) / 1000;
  await sleep(1000);
  const rssK = rssKb(SERVER_PIDS);
  log(`${K} hub clients connected in ${connectSeconds.toFixed(1)} s`);

  // post BOOKINGS bookings, one every INTERVAL ms, each on a fresh slot of the watched date
  const cpu0 = { node: process.cpuUsage(), server: cpuSec(SERVER_PIDS), browser: treeCpu(browser ? process.pid : null) };
  const wall0 = Date.now();
  const posted = [];
  for (let b = 0; b < BOOKINGS && nextSlot < slots.length && Date.now() < deadline; b++) {
    const s = slots[nextSlot++];
    const m = members[10 + (b % (members.length - 10))] ?? members[b % members.length];
    const sent = now();
    const res = await fetch(`${POST_BASE}/api/bookings`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}` },
      body: JSON.stringify({ roomId: s.roomId, date, start: s.start }),
    });
    const t201 = now();
    await res.arrayBuffer();
    if (res.status === 201) posted.push({ ...s, sent, t201 });
    await sleep(INTERVAL);
  }
  await sleep(STRAGGLER_MS); // stragglers: a push not seen by then counts as missing
  const hubLat = [], pageLat = [], hubSinceSend = [];
  let hubMissing = 0, pageMissing = 0, pushBefore201 = 0;
  const per = BASES.map(() => ({ hub: [], page: [], hubMissing: 0, pageMissing: 0, hubClients: 0, pages: 0 }));
  for (const { recv, inst } of clients) {
    per[inst].hubClients++;
    for (const p of posted) {
      const t = recv.get(`${p.roomId}|${p.start}`);
      if (t === undefined) { hubMissing++; per[inst].hubMissing++; continue; }
      if (t < p.t201) pushBefore201++;
      hubLat.push(Math.max(0, t - p.t201)); hubSinceSend.push(t - p.sent); per[inst].hub.push(Math.max(0, t - p.t201));
    }
  }
  // A missing page observation, by cause: the slot's cell is not in the DOM (its room is not on the page shown: paging),
  // or it is there but not Booked (the push did not arrive or was not applied), or Booked but never seen changing.
  const pageMissingBy = { notInDom: 0, notBooked: 0, bookedUnobserved: 0 };
  for (const { page, inst } of pages) {
    per[inst].pages++;
    const seen = await page.evaluate(() => { const s = window.__push; window.__push = {}; return s; });
    const dom = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-room][data-start]')].map(e => [`${e.dataset.room}|${e.dataset.start}`, e.dataset.state])));
    for (const p of posted) {
      const t = seen[`${p.room}|${p.start}`];
      if (t === undefined) {
        pageMissing++; per[inst].pageMissing++;
        const state = dom[`${p.room}|${p.start}`];
        pageMissingBy[state === undefined ? 'notInDom' : state === 'Booked' ? 'bookedUnobserved' : 'notBooked']++;
        continue;
      }
      pageLat.push(Math.max(0, t - p.t201)); per[inst].page.push(Math.max(0, t - p.t201));
    }
  }
  const wall = (Date.now() - wall0) / 1000, nodeCpu = process.cpuUsage(cpu0.node);
  const level = {
    hubClients: K, pages: pages.length, bookings: posted.length, connectSeconds,
    hubLatencyMs: pct(hubLat), hubMissing, pushBefore201, hubLatencyFromSendMs: pct(hubSinceSend),
    pageLatencyMs: pct(pageLat), pageMissing, pageMissingBy,
    allLatencyMs: pct([...hubLat, ...pageLat]),
    byInstance: per.map((x, i) => ({ name: NAMES[i] ?? BASES[i], base: BASES[i], bookedHere: BASES[i] === POST_BASE,
      hubClients: x.hubClients, pages: x.pages, hubLatencyMs: pct(x.hub), hubMissing: x.hubMissing, pageLatencyMs: pct(x.page), pageMissing: x.pageMissing,
      allLatencyMs: pct([...x.hub, ...x.page]) })),
    serverRssMb: +(rssK / 1024).toFixed(1),
    serverRssKbPerHubClient: +((rssK - rssPages) / K).toFixed(1),
    cpu: { wallSeconds: wall, nodeCores: +(((nodeCpu.user + nodeCpu.system) / 1e6) / wall).toFixed(2),
      serverCores: +((cpuSec(SERVER_PIDS) - cpu0.server) / wall).toFixed(2),
      browserCores: +((treeCpu(browser ? process.pid : null) - cpu0.browser) / wall).toFixed(2) },
  };
  result.levels.push(level);
  if (BASES.length > 1) for (const x of level.byInstance) log(`  on ${x.name}: hub p50 ${x.hubLatencyMs.p50} p99 ${x.hubLatencyMs.p99} (missing ${x.hubMissing}); pages p50 ${x.pageLatencyMs.p50} p99 ${x.pageLatencyMs.p99} (missing ${x.pageMissing})`);
  log(`K=${K}: hub p50 ${level.hubLatencyMs.p50} p99 ${level.hubLatencyMs.p99} max ${level.hubLatencyMs.max} ms (missing ${hubMissing}); pages p50 ${level.pageLatencyMs.p50} p99 ${level.pageLatencyMs.p99} (missing ${pageMissing})`);
  await Promise.all(clients.map(({ c }) => c.stop().catch(() => { })));
  await sleep(500);
}
if (PAGES > 0) result.serverRssKbPerPage = +((rssPages - rss0) / PAGES).toFixed(1);
await browser?.close().catch(() => { });
fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
log(`push results → ${OUT}`);
process.exit(0);
