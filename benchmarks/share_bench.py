"""Classroom share under load on loopback: simulated students against the embedded server, next to the app alone.

Run: python benchmarks/share_bench.py [--students 40] [--seconds 30] [--think 0.5] [--processes 2] [--gui]
        [--no-before] [--kiwix]

(benchmarks/share_arrival_bench.py measures the class's arrival alone, alternating the servers round by round.)

Every student is a thread (spread over --processes client processes, so the clients do not share the server's
interpreter lock) running a session on a keep-alive connection: open the library, type a search a letter at a
time (one request per keystroke from the second letter, as the search-as-you-type script does at most), open a
result, open its print page, follow a related link; then again, waiting --think seconds (± half) between
requests. Like a phone's browser it accepts gzip and revalidates a page it has (If-None-Match), except search
results, which are no-store. Each student's first page is its own row ("arrival"): the class opens the QR
code's page in the same second. All traffic goes to 127.0.0.1 only.

Each student connects from an address of its own on the loopback network (127.0.0.2, 127.0.0.3, ...; Linux
routes all of 127/8 to the loopback device), so the server's per-device limit sees 40 devices, as in a class.

References, in the same run: the same class against a second server whose pages are made and sent as before
they were kept (the library page made for every request, no gzip, no 304: AsBefore below; --no-before skips
it), and the same request mix through the WSGI app called directly in this process (no server, no sockets),
which is what the pages themselves cost. --kiwix adds a class against kiwix-serve serving the same pages from
a ZIM file (benchmarks/kiwix_reference.py). The classes run one after the other, so the machine's other work
may weigh on them differently.

--gui shares from the real app window instead (File → Share with Class: kit.ui.share, with its classroom code)
and measures the window's event-loop delay (how late a 10 ms timer fires on the GUI thread) while the class
reads, next to the same window idle with the share running. Prints requests/s, p50/p95/p99 latency per route
and errors. Targets (issue 18): p95 page <= 100 ms, p95 search <= 50 ms with 40 students, 0 errors.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import io
import multiprocessing
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # kiwix_reference, beside this script

HOST = "127.0.0.1"  # loopback only, always
TYPED = ["warning signs", "recruitment", "help line", "myths", "smuggling", "exploitation", "traite", "aide"]


def session(rng: random.Random, reader_ids: list[str]) -> list[tuple[str, str]]:
    """One student's visit as (route, path) pairs."""
    steps = [("library", "/")]
    words = rng.choice(TYPED)
    for end in range(2, len(words) + 1):
        steps.append(("search", "/search?q=" + words[:end].replace(" ", "+")))
    resource = rng.choice(reader_ids)
    steps += [("reader", f"/r/{resource}"), ("print", f"/r/{resource}/print")]
    steps.append(("reader", f"/r/{rng.choice(reader_ids)}"))
    return steps


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate", "Accept-Language": "en-CA,en;q=0.9"}  # a phone's


def _student(port, root, source, reader_ids, seconds, think, seed, results, errors, lock, kiwix=False):
    rng = random.Random(seed)
    known: dict[str, str] = {}  # path -> ETag, as the browser's cache keeps it (pages are no-cache: revalidated)
    first = True  # the whole class opens the QR code's page in the same second: reported as its own row

    def connect():
        return http.client.HTTPConnection(HOST, port, timeout=30, source_address=(source, 0))

    connection = connect()
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        for route, path in session(rng, reader_ids):
            if time.monotonic() >= stop:
                break
            if kiwix:
                from kiwix_reference import kiwix_path

                path = kiwix_path(path)
            start = time.perf_counter()
            try:
                headers = dict(BROWSER_HEADERS)
                if path in known:
                    headers["If-None-Match"] = known[path]
                connection.request("GET", root + path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                wire = len(body)
                if response.getheader("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)  # as the browser does before showing it
                ok = (response.status == 304 and path in known) or (response.status == 200 and bool(body))
                if response.getheader("ETag") and response.getheader("Cache-Control") != "no-store":
                    known[path] = response.getheader("ETag")
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = connect()
            took = (time.perf_counter() - start) * 1000
            with lock:
                if ok:
                    row = "arrival" if first else route
                    results[row].append(took)
                    results[f"{row} bytes"].append(wire)
                    results["bytes"].append(wire)
                else:
                    errors[route] += 1
            first = False
            if think:
                time.sleep(rng.uniform(think / 2, think * 1.5))
    connection.close()


def _source(number: int) -> str:
    """The loopback address student `number` connects from (127.0.0.2 upwards)."""
    return f"127.0.{(number + 2) // 256}.{(number + 2) % 256}"


def client_process(port, root, first_source, reader_ids, students, seconds, think, seed, queue, kiwix=False):
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=_student,
            args=(port, root, _source(first_source + i), reader_ids, seconds, think, seed + i, results, errors, lock),
            kwargs={"kiwix": kiwix},
        )
        for i in range(students)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((dict(results), dict(errors)))


def in_process(app, reader_ids, seconds: float) -> dict[str, list[float]]:
    """The reference: the same sessions through the WSGI callable, one at a time, no server."""
    rng = random.Random(7)
    results: dict[str, list[float]] = defaultdict(list)
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        for route, path in session(rng, reader_ids):
            target, _, query = path.partition("?")
            environ = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": target,
                "QUERY_STRING": query,
                "wsgi.input": io.BytesIO(),
                "REMOTE_ADDR": HOST,
            }
            start = time.perf_counter()
            b"".join(app(environ, lambda status, headers: None))
            results[route].append((time.perf_counter() - start) * 1000)
    return results


TICK_MS = 10
IDLE_SECONDS = 5


class LoopDelay:
    """How late a repeating 10 ms timer fires on the GUI thread: what a click or a keystroke would wait."""

    def measure(self, seconds: float) -> list[float]:
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        lateness: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            lateness.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
            last[0] = now

        loop = QEventLoop()
        timer = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        timer.timeout.connect(tick)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        last[0] = time.perf_counter()
        timer.start()
        loop.exec()
        timer.stop()
        return lateness


def share_from_the_app(workdir: Path):
    """The app window as `kit` builds it, sharing the whole kit on loopback through File → Share with Class."""
    import socket

    from PySide6.QtCore import QEventLoop, QTimer

    from kit.core.paths import resolve_locations
    from kit.ui.app import create_application, open_window

    create_application()
    window, features = open_window(resolve_locations([REPO / "resources"], workdir / "app-data", environ={}))
    window.show()
    share = features.sharing
    share.host = HOST
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        share.first_port = probe.getsockname()[1]
    loop = QEventLoop()
    share.changed.connect(lambda: loop.quit() if share.running or share.problem else None)
    QTimer.singleShot(120_000, loop.quit)
    share.start(share.whole_kit())
    loop.exec()
    if share.running is None:
        raise SystemExit(f"the share did not start: {share.problem}")
    return window, share.running.server, f"/{share.running.code}"


class AsBefore:
    """The reference server's app: pages as they were sent before they were kept (kit.web.ready).

    The library page is made again for every request, and nothing is compressed or answered with 304 (the
    browser's Accept-Encoding and If-None-Match are not passed on). Reader pages were already kept as text."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        self.app._library_ready.cache_clear()
        plain = {k: v for k, v in environ.items() if k not in ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH")}
        return self.app(plain, start_response)


def run_class(port, root, reader_ids, args, delay=None, kiwix=False):
    """`args.students` students for `args.seconds` against `port`: (times per route, errors, seconds, loop delay)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    shares = [args.students // args.processes + (i < args.students % args.processes) for i in range(args.processes)]
    clients = [
        context.Process(
            target=client_process,
            args=(port, root, sum(shares[:i]), reader_ids, n, args.seconds, args.think, 1000 * i, queue, kiwix),
        )
        for i, n in enumerate(shares)
        if n
    ]
    started = time.perf_counter()
    for client in clients:
        client.start()
    loaded = delay.measure(args.seconds) if delay is not None else []  # the GUI thread, while the class reads
    merged: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for _ in clients:
        results, failed = queue.get()
        for route, values in results.items():
            merged[route].extend(values)
        for route, count in failed.items():
            errors[route] += count
    for client in clients:
        client.join()
    return merged, errors, time.perf_counter() - started, loaded


ROWS = ("arrival", "library", "search", "reader", "print")
PAGES = ("arrival", "library", "reader", "print")


def _summary(label: str, merged, errors, elapsed: float) -> str:
    total = sum(len(merged.get(route, [])) for route in ROWS)
    wire = sum(merged.get("bytes", []))
    pages = [t for route in PAGES for t in merged.get(route, [])]
    return (
        f"{label}: {total} requests in {elapsed:.1f} s, {total / elapsed:.0f}/s, {sum(errors.values())} errors, "
        f"{wire / 1e6:.1f} MB received; p95 page {percentile(pages, 0.95):.1f} ms (target <= 100), "
        f"p95 search {percentile(merged.get('search', []), 0.95):.1f} ms (<= 50)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between a student's requests (s)")
    parser.add_argument("--processes", type=int, default=2, help="client processes the students are spread over")
    parser.add_argument("--gui", action="store_true", help="share from the app window and measure its event loop")
    parser.add_argument(
        "--no-before", action="store_true", help="skip the second class against the pages as they were sent before"
    )
    parser.add_argument(
        "--kiwix", action="store_true", help="a third class against kiwix-serve with the same pages in a ZIM file"
    )
    args = parser.parse_args()

    from kit.core.paths import resolve_locations
    from kit.web import create_app
    from kit.web.server import ShareServer

    workdir = Path(tempfile.mkdtemp(prefix="share-bench-"))
    app = create_app(resolve_locations([REPO / "resources"], workdir / "data", environ={}))
    reader_ids = [r.id for r in app.library.resources]
    print(f"Kit: {len(reader_ids)} student resources. Reference: the WSGI app alone for {args.seconds / 3:.0f} s...")
    alone = in_process(app, reader_ids, args.seconds / 3)

    window = delay = None
    if args.gui:
        window, server, root = share_from_the_app(workdir)
        delay = LoopDelay()
        print(f"App window sharing at {root}/; its event loop idle for {IDLE_SECONDS} s...")
        idle = delay.measure(IDLE_SECONDS)
    else:
        server, root = ShareServer(app, HOST, 0), ""
        server.start()
    print(
        f"Server: cheroot on {HOST}:{server.port}; {args.students} students over {args.processes} client "
        f"processes for {args.seconds:.0f} s, think time {args.think} s..."
    )
    merged, errors, elapsed, loaded = run_class(server.port, root, reader_ids, args, delay)
    if window is not None:
        window.close()  # stops the share as the app does (window.closing)
    else:
        server.stop()
    before, before_errors, before_elapsed = defaultdict(list), defaultdict(int), float("nan")
    if not args.no_before:
        print("Reference server: the same class against pages made and sent as before they were kept...")
        reference = ShareServer(AsBefore(app), HOST, 0)
        reference.start()
        before, before_errors, before_elapsed, _ = run_class(reference.port, "", reader_ids, args)
        reference.stop()

    kiwix, kiwix_errors, kiwix_elapsed = defaultdict(list), defaultdict(int), float("nan")
    if args.kiwix:
        kiwix, kiwix_errors, kiwix_elapsed = _kiwix_class(app, reader_ids, workdir, args)

    print()
    print(_summary("Kit now  ", merged, errors, elapsed))
    if kiwix:
        print(_summary("kiwix    ", kiwix, kiwix_errors, kiwix_elapsed))
    if not args.no_before:
        print(_summary("As before", before, before_errors, before_elapsed))
    print(
        f"\n{'route':<8} {'requests':>8} {'errors':>6} {'KB':>5} | {'server p50':>10} {'p95':>6} {'p99':>6} | "
        f"{'as before p50':>13} {'p95':>6} {'p99':>6} {'KB':>5} | {'app alone p50':>13} {'p95':>5}   (ms)"
    )
    for route in ROWS:
        now, old = merged.get(route, []), before.get(route, [])
        ref = alone.get("library" if route == "arrival" else route, [])
        print(
            f"{route:<8} {len(now):>8} {errors.get(route, 0):>6} {_kb(merged, route):>5} | "
            f"{percentile(now, 0.5):>10.1f} {percentile(now, 0.95):>6.1f} {percentile(now, 0.99):>6.1f} | "
            f"{percentile(old, 0.5):>13.1f} {percentile(old, 0.95):>6.1f} {percentile(old, 0.99):>6.1f} "
            f"{_kb(before, route):>5} | {percentile(ref, 0.5):>13.2f} {percentile(ref, 0.95):>5.2f}"
        )
    print("(arrival: each student's first page, the whole class at once; KB: mean bytes received per request)")
    if kiwix:
        print(
            f"\nkiwix-serve, same class (print: the reader page again)\n{'route':<8} {'requests':>8} {'errors':>6} "
            f"{'KB':>5} | {'p50':>6} {'p95':>6} {'p99':>6}   (ms)"
        )
        for route in ROWS:
            times = kiwix.get(route, [])
            print(
                f"{route:<8} {len(times):>8} {kiwix_errors.get(route, 0):>6} {_kb(kiwix, route):>5} | "
                f"{percentile(times, 0.5):>6.1f} {percentile(times, 0.95):>6.1f} {percentile(times, 0.99):>6.1f}"
            )
    if delay is not None:
        print(f"\nGUI event-loop delay (ms, a {TICK_MS} ms timer on the app window's thread):")
        print(f"{'':<22} {'ticks':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}")
        for label, values in (("idle, share running", idle), (f"{args.students} students reading", loaded)):
            print(
                f"{label:<22} {len(values):>6} {percentile(values, 0.5):>6.1f} {percentile(values, 0.95):>6.1f} "
                f"{percentile(values, 0.99):>6.1f} {max(values, default=float('nan')):>6.1f}"
            )
        print(f"Target: p95 <= 50 ms; measured {percentile(loaded, 0.95):.1f} ms.")
    return 0


def _kiwix_class(app, reader_ids, workdir, args):
    """The same class against kiwix-serve (benchmarks/kiwix_reference.py), or nothing when it is not installed."""
    import kiwix_reference

    missing = kiwix_reference.missing_tools()
    if missing:
        print(f"kiwix reference skipped: {', '.join(missing)} not installed (Debian: kiwix-tools, zim-tools)")
        return defaultdict(list), defaultdict(int), float("nan")
    zim = kiwix_reference.build_zim(app, reader_ids, workdir)
    with kiwix_reference.kiwix_serve(zim, HOST) as port:
        print(f"kiwix-serve on {HOST}:{port} with {zim.name} ({zim.stat().st_size / 1000:.0f} KB): the same class...")
        return run_class(port, "", reader_ids, args, kiwix=True)[:3]


def _kb(merged, route: str) -> str:
    sizes = merged.get(f"{route} bytes", [])
    return f"{statistics.fmean(sizes) / 1000:.1f}" if sizes else "-"


if __name__ == "__main__":
    sys.exit(main())
