// The wall display's connection handling (loaded by BoardLayout). blazor.web.js (.NET 10) toggles
// components-reconnect-show / -hide / -failed / -rejected on the reconnect element and retries on its own
// (immediately, then every 5 s, then every 30 s, 30 attempts). A wall display has nobody to press
// "reload", so:
//  - back after a drop (show → hide): reload, for a fresh snapshot of the schedule;
//  - rejected (the server is up but no longer knows this circuit, e.g. after a restart): reload;
//  - failed (all retries used up): poll the health endpoint and reload as soon as the server answers.
export function watchConnection(id, healthUrl) {
    const element = document.getElementById(id);
    if (!element || element.dataset.watching) return;
    element.dataset.watching = "true";

    let wentDown = false;
    let polling = null;
    const reload = () => location.reload();

    new MutationObserver(() => {
        const classes = element.classList;
        if (classes.contains("components-reconnect-show")) {
            wentDown = true;
        } else if (classes.contains("components-reconnect-hide") && wentDown) {
            reload();
        } else if (classes.contains("components-reconnect-rejected")) {
            reload();
        } else if (classes.contains("components-reconnect-failed") && polling === null) {
            polling = setInterval(async () => {
                try {
                    const response = await fetch(healthUrl, { cache: "no-store" });
                    if (response.ok) reload();
                } catch {
                    // still down: try again at the next interval
                }
            }, 5000);
        }
    }).observe(element, { attributes: true, attributeFilter: ["class"] });
}

// How many rooms the wall display fits (the board never scrolls; Board.razor turns pages instead).
// Measures, in CSS pixels, the height available to the grid, one room row, and what a floor adds besides
// its rows (its title and header row); tells the page whenever that changes (load, resize, rotation).
const fitWatchers = new WeakMap();

export function watchFit(main, page) {
    if (!main || fitWatchers.has(main)) return;
    let last = "";
    const measure = () => {
        const row = main.querySelector("tbody tr");
        const floor = main.querySelector(".live-floor");
        if (!row || !floor) return;
        const rows = floor.querySelectorAll("tbody tr");
        let rowsHeight = 0;
        rows.forEach(r => rowsHeight += r.getBoundingClientRect().height);
        const fit = {
            available: Math.floor(main.clientHeight),
            row: Math.ceil(row.getBoundingClientRect().height),
            floorChrome: Math.ceil(floor.getBoundingClientRect().height - rowsHeight
                + parseFloat(getComputedStyle(floor).marginTop || "0") + parseFloat(getComputedStyle(floor).marginBottom || "0")),
        };
        const key = JSON.stringify(fit);
        if (key === last) return;
        last = key;
        page.invokeMethodAsync("Fit", fit).catch(() => { });
    };
    const observer = new ResizeObserver(() => measure());
    observer.observe(main);
    const interval = setInterval(measure, 1000); // also after the first snapshot renders its rows
    fitWatchers.set(main, { observer, interval });
    measure();
}

export function unwatchFit(main) {
    const watcher = main && fitWatchers.get(main);
    if (!watcher) return;
    watcher.observer.disconnect();
    clearInterval(watcher.interval);
    fitWatchers.delete(main);
}
