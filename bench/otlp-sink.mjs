// A local OTLP/HTTP sink for bench/otel.sh (issue 24): accepts the app's exports (POST /v1/traces, /v1/metrics,
// /v1/logs; protobuf or JSON), reads and counts them (requests and bytes per path; nothing is decoded or kept), and
// answers 200 with an empty protobuf message, as a collector that accepted everything would.
// usage: node bench/otlp-sink.mjs PORT STATS_FILE     (127.0.0.1 only; GET /stats answers the counts so far;
//        on SIGTERM/SIGINT it writes the counts to STATS_FILE as JSON and exits)
import http from 'node:http';
import fs from 'node:fs';

const [port, statsFile] = [Number(process.argv[2] ?? 4318), process.argv[3]];
const started = Date.now();
const paths = {}; // path → { requests, bytes }
let other = 0;

const stats = () => ({
  paths,
  requests: Object.values(paths).reduce((s, x) => s + x.requests, 0),
  bytes: Object.values(paths).reduce((s, x) => s + x.bytes, 0),
  otherRequests: other,
  seconds: Math.round((Date.now() - started) / 100) / 10,
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats()));
    return;
  }
  const path = (req.url ?? '').split('?')[0];
  if (req.method !== 'POST' || !/^\/v1\/(traces|metrics|logs)$/.test(path)) {
    other++;
    req.resume();
    res.writeHead(404).end();
    return;
  }
  let bytes = 0;
  req.on('data', chunk => { bytes += chunk.length; });
  req.on('end', () => {
    const s = (paths[path] ??= { requests: 0, bytes: 0 });
    s.requests++;
    s.bytes += bytes;
    res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': 0 }).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`otlp sink on http://127.0.0.1:${port}`));

const stop = () => {
  if (statsFile) fs.writeFileSync(statsFile, JSON.stringify(stats(), null, 2));
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
