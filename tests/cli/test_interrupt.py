"""``CtrlC``: the first Ctrl-C sets the stop event at once, even while the work runs in C code
on its worker thread, and the handler before it is back afterwards."""

from __future__ import annotations

import io
import os
import signal
import threading

import pytest
from rich.console import Console

from scheduler.cli import interrupt
from scheduler.cli.interrupt import CtrlC, stopped_by_user


@pytest.fixture(autouse=True)
def own_stop_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process-wide flag of its own: left set, it would make the entry point of a later test
    exit the test run itself without teardown."""
    monkeypatch.setattr(interrupt, "_user_stopped", threading.Event())


def test_the_first_ctrl_c_stops_the_work_and_the_old_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    notices = io.StringIO()
    started = threading.Event()

    def work() -> str:
        started.set()
        # A stand-in for a long solve: it ends only when told to stop.
        return "stopped" if ctrl_c.stop.wait(timeout=30) else "ran out"

    with CtrlC(Console(file=notices, soft_wrap=True)) as ctrl_c:
        sender = threading.Thread(target=lambda: started.wait(10) and os.kill(os.getpid(),
                                                                              signal.SIGINT))
        sender.start()
        assert ctrl_c.run(work) == "stopped"
        sender.join()
    assert signal.getsignal(signal.SIGINT) is before
    assert stopped_by_user()
    assert "Ctrl-C again quits at once, writing nothing" in notices.getvalue()


def test_the_work_s_exception_reaches_the_caller() -> None:
    def work() -> None:
        raise ValueError("a bad production")

    with CtrlC(Console(file=io.StringIO())) as ctrl_c, pytest.raises(ValueError,
                                                                     match="bad production"):
        ctrl_c.run(work)
