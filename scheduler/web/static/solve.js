// Live progress: listen to the job's server-sent events and show them; when the job ends, load
// its result page.  Without EventSource, or when the stream fails, poll the status instead.
(function () {
  "use strict";
  const panel = document.getElementById("progress");
  if (!panel) { return; }
  const url = panel.dataset.statusUrl;
  const eventsUrl = panel.dataset.eventsUrl;
  const fields = {
    elapsed: "elapsed_text", best: "best_text", bound: "bound_text", gap: "gap_text",
    message: "message", state: "state", position: "position",
  };
  const POLL_MS = 700;

  function show(status) {
    for (const [id, key] of Object.entries(fields)) {
      const element = document.getElementById(id);
      if (element && status[key] !== null && status[key] !== undefined) {
        element.textContent = String(status[key]);
      }
    }
    document.getElementById("state").className = "badge " + status.state;
    document.getElementById("position-line").hidden = status.position === null;
    const bar = document.getElementById("time-bar");
    bar.max = status.time_limit;
    bar.value = status.elapsed;
    const cancel = document.getElementById("cancel");
    if (status.cancel_requested) { cancel.disabled = true; }
    if (status.state === "solving" && !status.cancel_requested) {
      cancel.textContent = "Stop and keep the best schedule";
      document.getElementById("cancel-hint").textContent =
        "Stopping keeps the best schedule found so far; the gap says how far from the " +
        "cheapest it may be.";
    }
  }

  async function poll() {
    try {
      const response = await fetch(url, { cache: "no-store" });
      if (response.status === 404) { window.location.reload(); return; }
      const status = await response.json();
      show(status);
      if (status.finished) { window.location.reload(); return; }
    } catch (error) {
      // A missed poll (server busy, network blip) is retried on the next tick.
    }
    window.setTimeout(poll, POLL_MS);
  }

  function listen() {
    const source = new EventSource(eventsUrl);
    source.onmessage = function (event) {
      const status = JSON.parse(event.data);
      show(status);
      if (status.finished) { source.close(); window.location.reload(); }
    };
    // The stream ends every half minute and the browser reconnects by itself; an error while
    // connecting (no such job, a proxy that does not stream) falls back to polling.
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { window.setTimeout(poll, POLL_MS); }
    };
  }

  if (window.EventSource && eventsUrl) { listen(); } else { window.setTimeout(poll, POLL_MS); }
})();
