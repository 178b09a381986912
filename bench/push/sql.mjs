// "SQL per booking" (issue 21): SQL commands counted, not timed. The app runs with Diagnostics:CountSqlCommands=true
// (MeetingRoom.Web/Infrastructure/Persistence/SqlCommandCounter.cs) and answers GET /diagnostics/sql-commands on loopback
// with cumulative counts: EF Core's command interceptor (reader / non-query / scalar), EF's CommandExecuted log events,
// and (SQLite) every statement SQLite starts on EF's connections.
// Phases, each read as the difference of two counts:
//   idle 30 s, no screens | 20 bookings (sequential, each a different slot of TODAY), until settled | the same with
//   50 door displays (one per room, chromium pages on /door/{token}) + 10 wall boards (/board, chromium) open | idle 30 s with them.
// "Settled": the stored outbox cursors are at the newest outbox id (read from the SQLite file with the sqlite3 CLI,
// read-only: no command through the app) and the count then moves at about the idle rate for 2 s in a row (two 1 s
// windows of at most 1.5 × the idle rate + 2). The idle polls that run meanwhile are in the total; "less the idle rate"
// subtracts idle rate × duration.
// Today's slots: the timetable's time zone is set so that the site's local time is about 03:00 now (every period of
// today still ahead); the window rule opens every slot; member limits off. Every loop is bounded in count and time.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const env = (k, d) => process.env[k] ?? d;
const BASE = env('BENCH_SQL_BASE', 'http://127.0.0.1:5193');
const DB = env('BENCH_SQL_DB');
const PASSWORD = env('BENCH_PASSWORD');
const OUT = env('BENCH_SQL_OUT', 'sql.json');
const BOOKINGS = Number(env('BENCH_SQL_BOOKINGS', '20'));
const DOORS = Number(env('BENCH_SQL_DOORS', '50'));
const BOARDS = Number(env('BENCH_SQL_BOARDS', '10'));
const IDLE_SECONDS = Number(env('BENCH_SQL_IDLE_SECONDS', '30'));
const ROOMS = Math.max(DOORS, 2 * BOOKINGS, 1);
const SERVER_PID = env('BENCH_SERVER_PID', '');
const sleep = ms => new Promise(r => setTimeout(r, ms));
const log = m => console.log(`[${new Date().toTimeString().slice(0, 8)}] sql: ${m}`);
const cpuSec = pid => { try { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; } catch { return 0; } };
const treeCpu = root => { // CPU seconds of this node process's descendants (chromium and its helpers)
  const kids = new Map();
  for (const d of fs.readdirSync('/proc').filter(x => /^\d+$/.test(x))) {
    try { const ppid = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]; (kids.get(ppid) ?? kids.set(ppid, []).get(ppid)).push(d); } catch { }
  }
  let sum = -cpuSec(root); const stack = [String(root)];
  while (stack.length) { const p = stack.pop(); sum += cpuSec(p); stack.push(...(kids.get(p) ?? [])); }
  return sum;
};

async function api(method, path, token, body) {
  const res = await fetch(`${BASE}${path}`, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? (() => { try { return JSON.parse(text); } catch { return text; } })() : null };
}
async function ok(method, path, token, body) {
  const r = await api(method, path, token, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}
const login = async email => (await ok('POST', '/api/auth/login', null, { email, password: PASSWORD })).accessToken;
const counts = async (texts = false) => ok('GET', `/diagnostics/sql-commands${texts ? '?texts=true' : ''}`);
const sqlite = sql => execFileSync('sqlite3', ['-readonly', DB, sql], { encoding: 'utf8' }).trim();
const cursorsBehind = () => { try { return Number(sqlite('SELECT (SELECT IFNULL(MAX(Id),0) FROM Outbox) - IFNULL((SELECT MIN(LastMessageId) FROM OutboxCursors),0);')); } catch { return -1; } };

// Waits until the stored cursors are at the newest outbox id and the count has moved no faster than `idleRate`
// (+1, rounding) per second for 2 s in a row. Bounded by 60 s.
async function settle(idleRate) {
  const t0 = Date.now();
  while (cursorsBehind() > 0 && Date.now() - t0 < 60_000) await sleep(200);
  // The idle polls come in bursts: a 1 s window is quiet when it ran at most 1.5 × the idle rate + 2 commands.
  let quiet = 0, last = (await counts()).interceptor;
  while (quiet < 2 && Date.now() - t0 < 60_000) {
    await sleep(1000);
    const c = (await counts()).interceptor;
    quiet = c - last <= idleRate * 1.5 + 2 ? quiet + 1 : 0;
    last = c;
  }
  return { seconds: +((Date.now() - t0) / 1000).toFixed(1), behindAtEnd: cursorsBehind() };
}

const kinds = ['interceptor', 'reader', 'nonQuery', 'scalar', 'failed', 'executedLogEvents', 'sqliteStatements'];
const diff = (a, b) => Object.fromEntries(kinds.map(k => [k, b[k] - a[k]]));
const textDiff = (a, b, key) => Object.entries(b[key] ?? {}).map(([t, n]) => [t, n - (a[key]?.[t] ?? 0)]).filter(([, n]) => n > 0)
  .sort((x, y) => y[1] - x[1]).slice(0, 25).map(([t, n]) => ({ n, sql: t.replace(/\s+/g, ' ').slice(0, 240) }));

async function idle(name) {
  const a = await counts(true), t0 = Date.now(), cpu0 = cpuSec(SERVER_PID), b0 = treeCpu(process.pid);
  await sleep(IDLE_SECONDS * 1000);
  const b = await counts(true), s = (Date.now() - t0) / 1000;
  const d = diff(a, b);
  const r = { name, seconds: +s.toFixed(1), counts: d, perSecond: Object.fromEntries(kinds.map(k => [k, +(d[k] / s).toFixed(2)])),
    serverCores: +((cpuSec(SERVER_PID) - cpu0) / s).toFixed(3), browserCores: +((treeCpu(process.pid) - b0) / s).toFixed(3),
    topCommands: textDiff(a, b, 'texts') };
  log(`${name}: ${r.perSecond.interceptor} commands/s (EF log ${r.perSecond.executedLogEvents}/s, SQLite statements ${r.perSecond.sqliteStatements}/s)`);
  return r;
}

async function bookings(name, slots, tokens, idleRate) {
  await settle(idleRate);
  const a = await counts(true), t0 = Date.now();
  let created = 0; const statuses = {};
  for (let i = 0; i < slots.length; i++) {
    const r = await api('POST', '/api/bookings', tokens[i % tokens.length], { roomId: slots[i].roomId, date: slots[i].date, start: slots[i].start });
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status === 201) created++;
  }
  const postedSeconds = (Date.now() - t0) / 1000;
  const settled = await settle(idleRate);
  const b = await counts(true), s = (Date.now() - t0) / 1000;
  const d = diff(a, b);
  const idleShare = idleRate * s; // what the idle polls alone would have run meanwhile
  const r = { name, bookings: slots.length, created, statuses, postedSeconds: +postedSeconds.toFixed(1), seconds: +s.toFixed(1), settled, counts: d,
    perBooking: Object.fromEntries(kinds.map(k => [k, created ? +(d[k] / created).toFixed(2) : null])),
    perBookingWithoutIdle: created ? +((d.interceptor - idleShare) / created).toFixed(2) : null,
    idleRateUsed: idleRate, topCommands: textDiff(a, b, 'texts'), topSqliteStatements: textDiff(a, b, 'sqliteTexts') };
  log(`${name}: ${created}/${slots.length} created, ${d.interceptor} commands = ${r.perBooking.interceptor} per booking (${r.perBookingWithoutIdle} without the idle rate); EF log ${d.executedLogEvents}, SQLite ${d.sqliteStatements}`);
  return r;
}

// ---- set-up through the API -------------------------------------------------------------------
const result = { base: BASE, bookingsPerPhase: BOOKINGS, doors: DOORS, boards: BOARDS, idleSeconds: IDLE_SECONDS, rooms: ROOMS, phases: [] };
const admin = await login('bench-admin@bench.local');
const tokens = [];
for (let i = 1; i <= 5; i++) tokens.push(await login(`member${i}@bench.local`));
const timetable = await ok('GET', '/api/admin/timetable', admin);
const utcHour = new Date().getUTCHours();
const offset = (h => h > 14 ? h - 24 : h)((3 - utcHour + 48) % 24); // local ≈ 03:xx; offset in [-9, +14] hours
const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`; // POSIX sign: Etc/GMT-7 = UTC+7
await ok('PUT', '/api/admin/timetable', admin, { timeZone: zone, periods: timetable.periods });
await ok('PUT', '/api/admin/booking-window', admin, { mode: 'DailyAt', leadMinutes: 0, dailyAt: '00:00', daysBefore: 365 });
await api('PUT', '/api/admin/booking-limits', admin, { maxPerPeriod: 0, maxPerDay: 0, maxUpcoming: 0 });
const rooms = [];
for (let i = 0; i < ROOMS; i++)
{
  const name = `Sql-${String(i + 1).padStart(2, '0')}`;
  rooms.push({ id: (await ok('POST', '/api/rooms', admin, { name, floor: 1 + Math.floor(i / 10), capacity: 6, requiresApproval: false, equipment: [] })).id, name });
}
const today = (await ok('GET', '/api/schedule', admin)).date;
const periods = timetable.periods.map(p => p.start);
result.siteTimeZone = zone; result.today = today; result.periods = periods.length;
// Phase 1 books period 0 of rooms 0..B-1, phase 2 period 1 of rooms B..2B-1 (both today, both on rooms with a door display).
const slotsFor = (k) => Array.from({ length: BOOKINGS }, (_, i) => ({ roomId: rooms[(k * BOOKINGS + i) % ROOMS].id, date: today, start: periods[(k + 1) % periods.length] }));
log(`set-up: ${ROOMS} rooms, site zone ${zone}, today ${today}, periods ${periods.join(' ')}`);

// ---- without screens ------------------------------------------------------------------------------
await settle(1000);
const idle0 = await idle('idle, no screens');
result.phases.push(idle0);
result.phases.push(await bookings('20 bookings, no screens', slotsFor(0), tokens, idle0.perSecond.interceptor));

// ---- with 50 door displays + 10 boards (chromium pages) --------------------------------------------
fs.writeFileSync(OUT, JSON.stringify(result, null, 2)); // the phases without screens stand even if the browser fails
let browser = null;
if (DOORS + BOARDS > 0) try {
  browser = await chromium.launch({ executablePath: env('BENCH_CHROMIUM', '/usr/bin/chromium'), headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'] });
  // one context: the door and board pages need no sign-in; each page is its own Blazor circuit
  const ctx = await browser.newContext({ viewport: { width: 1280, height: Number(env('BENCH_BOARD_HEIGHT', '4000')) } });
  const t0 = Date.now();
  const doorPages = [], boardPages = [];
  for (let i = 0; i < DOORS; i++) {
    const d = await ok('POST', `/api/rooms/${rooms[i % ROOMS].id}/door-displays`, admin);
    const page = await ctx.newPage(); page.setDefaultTimeout(60_000);
    await page.goto(new URL(d.url, BASE).toString());
    await page.waitForSelector('[data-testid=door]:not([data-state=Loading])', { state: 'attached' }).catch(() => { });
    doorPages.push(page);
  }
  for (let i = 0; i < BOARDS; i++) {
    const page = await ctx.newPage(); page.setDefaultTimeout(60_000);
    await page.goto(`${BASE}/board`);
    await page.waitForSelector('[data-state]', { state: 'attached' }).catch(() => { });
    boardPages.push(page);
  }
  result.screensOpenSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  result.doorStates = {};
  for (const p of doorPages) { const s = await p.getAttribute('[data-testid=door]', 'data-state').catch(() => 'none'); result.doorStates[s] = (result.doorStates[s] ?? 0) + 1; }
  log(`${doorPages.length} door displays + ${boardPages.length} boards open in ${result.screensOpenSeconds} s (door states ${JSON.stringify(result.doorStates)})`);
  await sleep(3000);
  const idle1 = await idle(`idle, ${DOORS} door displays + ${BOARDS} boards open`);
  const slots = slotsFor(1);
  const r = await bookings(`20 bookings, ${DOORS} door displays + ${BOARDS} boards open`, slots, tokens, idle1.perSecond.interceptor);
  // Were the screens live? Each board should show every booked slot Booked (all rooms on one page: tall viewport).
  const names = new Map(rooms.map(x => [x.id, x.name]));
  // Polled for up to 20 s (a loaded machine's browsers lag); a slot not shown Booked is told apart by whether its cell
  // is in the page at all (its room not on the page shown) or there in another state.
  const t1 = Date.now();
  let check;
  do {
    check = { slotsShownBooked: 0, slotsNotInDom: 0, slotsInDomNotBooked: 0 };
    for (const p of boardPages) {
      const dom = await p.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-room][data-start]')].map(e => [`${e.dataset.room}|${e.dataset.start}`, e.dataset.state]))).catch(() => ({}));
      for (const s of slots) {
        const state = dom[`${names.get(s.roomId)}|${s.start}`];
        check[state === 'Booked' ? 'slotsShownBooked' : state === undefined ? 'slotsNotInDom' : 'slotsInDomNotBooked']++;
      }
    }
    if (check.slotsShownBooked === slots.length * boardPages.length) break;
    await sleep(1000);
  } while (Date.now() - t1 < 20_000);
  check.secondsAfterSettled = +((Date.now() - t1) / 1000).toFixed(1);
  r.boardCheck = check;
  result.phases.push(idle1, r);
} catch (e) {
  result.screensError = String(e?.message ?? e).split('\n')[0];
  log(`screens phase FAILED: ${result.screensError}`);
} finally {
  await browser?.close().catch(() => { });
}
fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
log(`results → ${OUT}`);
process.exit(0);
