// Live progress: the job's elapsed time, best cost, bound and gap from its status (followed by
// follow.js: its server-sent events, or polling).
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

  window.planShootFollow(url, eventsUrl, show);
})();
