// A what-if job's live lines: one line per scenario from the job's status (followed by
// follow.js: its server-sent events, or polling).
(function () {
  "use strict";
  const panel = document.getElementById("whatif-progress");
  if (!panel) { return; }
  const url = panel.dataset.statusUrl;
  const eventsUrl = panel.dataset.eventsUrl;
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

  window.planShootFollow(url, eventsUrl, show);
})();
