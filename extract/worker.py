"""A pool of extraction processes with a hard per-page timeout (reliability.md finding 5, T10).

trafilatura has no time limit in library use and its cost grows faster than input size, and the stdlib
`ProcessPoolExecutor` cannot kill one stuck task. So each worker is one `Process` + one `Pipe`, driven by one
thread in the parent: the thread sends a page, waits at most `timeout_s` for the answer, and on silence kills
and replaces that process. Every submitted page gets exactly one `Analysis`: a result, `timeout`, or
`error:worker-crash`.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Self

from extract.analyse import Analysis, analyse_page

Job = tuple[bytes, str, str, dict[str, str]]
WARM_PAGE = b"<html><body><h1>warm-up</h1><p>Tula and Albany are sister cities since 1992.</p></body></html>"
# Process start + imports + the tagger's gazetteer: paid once per worker, not per page.
START_TIMEOUT_S = 120.0


def context() -> ForkServerContext | SpawnContext:
    """Return forkserver on Linux (fork is unsafe once Twisted runs threads), spawn elsewhere."""
    if sys.platform.startswith("linux"):
        ctx: ForkServerContext = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["extract.analyse", "extract.body"])  # replacements start warm and fast
        return ctx
    return multiprocessing.get_context("spawn")


def worker_main(conn: Connection) -> None:
    """Serve pages from the pipe until it closes: receive a job, send back its Analysis."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business; it closes the pool
    analyse_page(WARM_PAGE, "utf-8", "https://warm-up.invalid/", {})  # load trafilatura and the tagger now
    conn.send("ready")
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(analyse_page(*job))


def failed(status: str) -> Analysis:
    """Return the Analysis recorded for a page whose worker did not answer."""
    from extract.body import EXTRACTOR_VERSION

    return Analysis(
        body=None, pairs=(), status=status, extractor_version=EXTRACTOR_VERSION, tagger_version=""
    )


@dataclass
class Worker:
    """One worker process and the parent's end of its pipe."""

    process: BaseProcess
    conn: Connection

    def stop(self) -> None:
        """Kill the process (it may be stuck in C code) and reap it."""
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)


class ExtractionPool:
    """Run `analyse_page` in worker processes, with a hard per-page timeout and crash isolation."""

    def __init__(self, workers: int = 2, timeout_s: float = 30.0) -> None:
        if workers < 1 or timeout_s <= 0:
            raise ValueError(
                f"ExtractionPool(workers={workers}, timeout_s={timeout_s}): need workers >= 1, timeout_s > 0"
            )
        self.timeout_s = timeout_s
        self._ctx = context()
        self._jobs: queue.Queue[tuple[Future[Analysis], Job] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._busy: dict[int, Worker] = {}  # slot → worker currently holding a page
        self._closed = False
        self._start_error = ""
        self._threads = [threading.Thread(target=self._serve, args=(slot,), name=f"extract-{slot}", daemon=True)
                         for slot in range(workers)]  # fmt: skip
        for thread in self._threads:
            thread.start()

    def submit(self, raw: bytes, encoding: str, url: str, listing: Mapping[str, str]) -> Future[Analysis]:
        """Queue one page; the future always resolves to an Analysis (never an exception)."""
        future: Future[Analysis] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError(f"ExtractionPool is closed; cannot analyse {url}")
            self._jobs.put((future, (raw, encoding, url, dict(listing))))
        return future

    def busy_pids(self) -> list[int]:
        """Return the PIDs of workers currently analysing a page (for monitoring and tests)."""
        with self._lock:
            return [w.process.pid for w in self._busy.values() if w.process.pid is not None]

    def close(self) -> None:
        """Finish the queued pages, then stop every worker process."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for _ in self._threads:
                self._jobs.put(None)  # after every queued page: FIFO, so nothing queued is lost
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> Self:
        """Return the pool itself for `with` blocks."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the pool when the `with` block ends."""
        self.close()

    def _start(self) -> Worker | None:
        """Start a worker and wait for it to be warm; None if it cannot start."""
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=worker_main, args=(child,), daemon=True)
        try:
            process.start()
        except Exception as exc:  # noqa: BLE001 - e.g. a main module without the __main__ guard
            parent.close()
            child.close()
            self._start_error = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            return None
        child.close()
        worker = Worker(process, parent)
        try:
            if parent.poll(START_TIMEOUT_S) and parent.recv() == "ready":
                return worker
        except (EOFError, OSError):
            pass
        self._start_error = f"worker exited with code {process.exitcode} before it was ready"
        worker.stop()
        return None

    def _serve(self, slot: int) -> None:
        """Feed pages to this slot's worker one at a time, replacing it after a timeout or crash."""
        worker: Worker | None = None
        while (item := self._jobs.get()) is not None:
            future, job = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                analysis, worker = self._handle(slot, worker, job)
            except Exception as exc:  # noqa: BLE001 - this thread must survive: queued pages depend on it
                analysis = failed(f"error:{type(exc).__name__}: {exc}"[:500])
            future.set_result(analysis)
        if worker is not None:
            worker.stop()

    def _handle(self, slot: int, worker: Worker | None, job: Job) -> tuple[Analysis, Worker | None]:
        """Return the page's Analysis and the worker to keep (None after a timeout, crash or failed start)."""
        if worker is not None and not worker.process.is_alive():
            worker.stop()  # died while idle: the next page should not pay for it
            worker = None
        if worker is None and (worker := self._start()) is None:
            return failed(f"error:worker-start: {self._start_error}"), None
        analysis = self._run(slot, worker, job)
        if analysis.status in ("timeout", "error:worker-crash"):
            worker.stop()
            return analysis, None
        return analysis, worker

    def _run(self, slot: int, worker: Worker, job: Job) -> Analysis:
        """Send one page to the worker and return its answer, or `timeout` / `error:worker-crash`."""
        with self._lock:
            self._busy[slot] = worker
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout_s):
                return failed("timeout")
            result = worker.conn.recv()  # EOF here means the process died while holding the page
            return result if isinstance(result, Analysis) else failed("error:worker-crash")
        except (EOFError, OSError):
            return failed("error:worker-crash")
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable job; the page still gets a status
            return failed(f"error:{type(exc).__name__}: {exc}"[:500])
        finally:
            with self._lock:
                self._busy.pop(slot, None)
