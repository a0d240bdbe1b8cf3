// Follow a job's status: listen to its server-sent events and hand each status to `show`; when
// the job ends, load its result page.  Without EventSource, or when the stream fails, poll the
// status instead.  Used by the solve page (solve.js) and the what-if page (whatif.js).
window.planShootFollow = function (url, eventsUrl, show) {
  "use strict";
  const POLL_MS = 700;

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
};
