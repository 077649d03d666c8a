"""ExtractionPool: real worker processes, a genuinely slow page past the hard timeout, a killed worker (T10)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures import wait

import pytest

from extract.worker import ExtractionPool

TIMEOUT_S = 3.0  # a normal page takes ~50 ms; the slow page below takes well over 10 s in trafilatura
ARTICLE = (
    b'<html lang="en"><body><h1>Tula and Albany</h1><p>Tula and Albany have been sister cities since 1992, '
    b"the mayors said at a meeting in the city hall on Monday.</p></body></html>"
)
# reliability.md finding 5: trafilatura needs ~12 s for 80,000 short paragraphs; kept under the 2 MB cap.
SLOW_PAGE = ("<html><body>" + "".join(f"<p>w {i}</p>" for i in range(80_000)) + "</body></html>").encode()


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    """One pool of two real worker processes for the module (start-up imports trafilatura and the tagger)."""
    with ExtractionPool(workers=2, timeout_s=TIMEOUT_S) as started:
        yield started


def test_normal_page(pool: ExtractionPool) -> None:
    """A normal page comes back analysed, with pairs from the tagger."""
    analysis = pool.submit(ARTICLE, "utf-8", "https://example.org/a", {}).result(timeout=120)
    assert analysis.status == "ok"
    assert analysis.body is not None and analysis.body.title == "Tula and Albany"
    assert analysis.pairs


def test_timeout_then_fifty_pages_all_answer(pool: ExtractionPool) -> None:
    """The slow page gets `timeout` and its worker is replaced; 50 pages queued behind it all answer `ok`."""
    slow = pool.submit(SLOW_PAGE, "utf-8", "https://example.org/slow", {})
    rest = [pool.submit(ARTICLE, "utf-8", f"https://example.org/{i}", {}) for i in range(50)]
    _, pending = wait([slow, *rest], timeout=300)  # a bound on the test, not a speed assertion
    assert not pending
    assert slow.result().status == "timeout"
    assert [f.result().status for f in rest] == ["ok"] * 50
    after = pool.submit(SLOW_PAGE[:2000] + b"</body></html>", "utf-8", "https://example.org/after", {})
    assert after.result(timeout=120).status in ("ok", "no_body")  # the replaced worker serves again


def test_killed_worker_gives_crash_status(pool: ExtractionPool) -> None:
    """A worker killed while it holds a page gives `error:worker-crash`; the next page is served."""
    victim = pool.submit(SLOW_PAGE, "utf-8", "https://example.org/victim", {})
    pids: list[int] = []
    for _ in range(10_000):  # bounded poll (at most ~100 s) until the page is in a worker's hands
        if (pids := pool.busy_pids()) or victim.done():
            break
        wait([victim], timeout=0.01)
    assert pids, "the slow page never reached a worker"
    os.kill(pids[0], signal.SIGKILL)  # a real crash, as the OOM killer or a segfault in C code would cause
    assert victim.result(timeout=60).status == "error:worker-crash"
    assert pool.submit(ARTICLE, "utf-8", "https://example.org/next", {}).result(timeout=120).status == "ok"


def test_closed_pool_refuses_with_reason() -> None:
    """Submitting after close is a clear error naming the URL, never a silently lost page."""
    closed = ExtractionPool(workers=1, timeout_s=TIMEOUT_S)
    closed.close()
    with pytest.raises(RuntimeError, match="closed; cannot analyse https://example.org/late"):
        closed.submit(ARTICLE, "utf-8", "https://example.org/late", {})


def test_bad_arguments() -> None:
    """Nonsense pool sizes fail at construction with the values named."""
    with pytest.raises(ValueError, match=r"workers=0, timeout_s=1"):
        ExtractionPool(workers=0, timeout_s=1)
