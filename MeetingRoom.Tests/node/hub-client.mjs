// A /hubs/schedule client (npm @microsoft/signalr), run by the C# hub tests and usable by hand:
//
//   node hub-client.mjs <base-url> [YYYY-MM-DD …] [--max N] [--timeout SECONDS]
//
// It connects to <base-url>/hubs/schedule (the hub puts it in today's group), calls Watch(date) for each
// date given, then prints one JSON object per line on stdout:
//   {"event":"connected","connectionId":"…","watching":["2026-11-24"]}
//   {"event":"ScheduleChanged","change":{"roomId":7,"date":"2026-11-23","start":"10:00","state":"Booked","version":3,…}}
// and exits 0 after N ScheduleChanged messages (--max, default: never) or after the timeout (--timeout,
// default 60 s; exit code 2). Errors go to stderr with exit code 1.
import * as signalR from "@microsoft/signalr";

function parseArgs(argv) {
    const options = { baseUrl: null, dates: [], max: Infinity, timeoutSeconds: 60 };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--max") options.max = Number(argv[++i]);
        else if (arg === "--timeout") options.timeoutSeconds = Number(argv[++i]);
        else if (options.baseUrl === null) options.baseUrl = arg;
        else options.dates.push(arg);
    }
    if (!options.baseUrl) {
        console.error("usage: node hub-client.mjs <base-url> [YYYY-MM-DD …] [--max N] [--timeout SECONDS]");
        process.exit(1);
    }
    return options;
}

const options = parseArgs(process.argv.slice(2));
const print = (message) => process.stdout.write(JSON.stringify(message) + "\n");

const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL("/hubs/schedule", options.baseUrl).toString())
    .configureLogging(signalR.LogLevel.Warning) // warnings and errors go to stderr, stdout stays JSON lines
    .build();

let received = 0;
let finished = false;
async function finish(code) {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    try { await connection.stop(); } catch { /* already down */ }
    process.exit(code);
}

const timer = setTimeout(() => {
    print({ event: "timeout", received });
    finish(2);
}, options.timeoutSeconds * 1000);

connection.on("ScheduleChanged", (change) => {
    print({ event: "ScheduleChanged", change });
    if (++received >= options.max) finish(0);
});
connection.onclose((error) => {
    if (!finished) {
        console.error(`connection closed: ${error ?? "no error"}`);
        finish(1);
    }
});

try {
    await connection.start();
    for (const date of options.dates) await connection.invoke("Watch", date);
    print({ event: "connected", connectionId: connection.connectionId, watching: options.dates });
} catch (error) {
    console.error(`could not connect to ${options.baseUrl}/hubs/schedule: ${error}`);
    await finish(1);
}
