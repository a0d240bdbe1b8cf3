// A what-if job's live lines: listen to the job's server-sent events (one line per scenario)
// and show them; when the job ends, load its result page.  Without EventSource, or when the
// stream fails, poll the status instead.
(function () {
  "use strict";
  const panel = document.getElementById("whatif-progress");
  if (!panel) { return; }
  const url = panel.dataset.statusUrl;
  const eventsUrl = panel.dataset.eventsUrl;
  const POLL_MS = 700;
  const COLUMNS = ["name", "state", "elapsed", "cost", "status"];

  function show(status) {
    document.getElementById("state").textContent = String(status.state);
    document.getElementById("state").className = "badge " + status.state;
    document.getElementById("message").textContent = String(status.message);
    document.getElementById("elapsed").textContent = String(status.elapsed_text);
    if (status.cancel_requested) { document.getElementById("cancel").disabled = true; }
    const body = document.getElementById("scenario-lines-body");
    const rows = [];
    for (const line of status.scenarios || []) {
      const row = document.createElement("tr");
      for (const key of COLUMNS) {
        const cell = document.createElement("td");
        cell.textContent = String(line[key]);  // text, never markup
        row.appendChild(cell);
      }
      rows.push(row);
    }
    body.replaceChildren(...rows);
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
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { window.setTimeout(poll, POLL_MS); }
    };
  }

  if (window.EventSource && eventsUrl) { listen(); } else { window.setTimeout(poll, POLL_MS); }
})();
