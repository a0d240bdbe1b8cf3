"""``serve``: what ``plan-shoot serve`` runs, started for real and stopped with Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.helpers.web import free_port


def test_serve_answers_on_the_port_and_stops_cleanly() -> None:
    port = free_port()
    code = f"from scheduler.web import serve; serve('127.0.0.1', {port}, log_level='warning')"
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        page = ""
        deadline = time.monotonic() + 20
        while not page:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "the server did not answer"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    page = answer.read().decode()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        assert "Drop the breakdown workbook here" in page
    finally:
        server.send_signal(signal.SIGINT)
        _, errors = server.communicate(timeout=20)
    assert server.returncode == 0, errors
    assert "Traceback" not in errors
