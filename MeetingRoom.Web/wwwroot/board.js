// The wall display's connection handling (loaded by BoardLayout). blazor.web.js (.NET 9) toggles
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
