"""The class arrives: every student's device opens the QR code's page in the same instant, on loopback only.

Run: python benchmarks/share_arrival_bench.py [--students 40] [--rounds 10] [--processes 2]

The moment that set the library page's p95 in share_bench.py: 40 devices, each on a new connection from an
address of its own (127.0.0.2, ...), ask for the library page at the same wall-clock instant. Each round goes
to one of two embedded servers running side by side in this process, alternately, so that the machine's other
work falls on both alike: the kit's share as it is (pages kept, gzip, 304: kit.web.ready) and the same app with
pages made and sent as before (share_bench.AsBefore). Prints p50/p95/p99/max latency and bytes per page for
each, over all rounds.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import multiprocessing
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from share_bench import BROWSER_HEADERS, HOST, REPO, AsBefore, _source, percentile

LEAD_S = 1.5  # the clients start this long before the instant, so every one of them is ready and waiting


def _arrive(port: int, source: str, at: float, out: list, lock: threading.Lock) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30, source_address=(source, 0))
    time.sleep(max(0.0, at - time.time()))
    start = time.perf_counter()
    try:
        connection.request("GET", "/", headers=BROWSER_HEADERS)
        response = connection.getresponse()
        body = response.read()
        wire = len(body)
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        ok = response.status == 200 and b"<main" in body
    except (OSError, http.client.HTTPException):
        ok, wire = False, 0
    took = (time.perf_counter() - start) * 1000
    connection.close()
    with lock:
        out.append((ok, took, wire))


def client_process(port: int, first: int, students: int, at: float, queue) -> None:
    out: list = []
    lock = threading.Lock()
    threads = [
        threading.Thread(target=_arrive, args=(port, _source(first + i), at, out, lock)) for i in range(students)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(out)


def arrival(port: int, students: int, processes: int) -> list[tuple[bool, float, int]]:
    """One class arriving at `port`: (ok, milliseconds, bytes) per device."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    at = time.time() + LEAD_S
    shares = [students // processes + (i < students % processes) for i in range(processes)]
    clients = [
        context.Process(target=client_process, args=(port, sum(shares[:i]), n, at, queue))
        for i, n in enumerate(shares)
        if n
    ]
    for client in clients:
        client.start()
    answers = [answer for _ in clients for answer in queue.get()]
    for client in clients:
        client.join()
    return answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=10, help="arrivals at each server, alternating")
    parser.add_argument("--processes", type=int, default=2, help="client processes the students are spread over")
    args = parser.parse_args()

    from kit.core.paths import resolve_locations
    from kit.web import create_app
    from kit.web.server import ShareServer

    workdir = Path(tempfile.mkdtemp(prefix="share-arrival-"))
    app = create_app(resolve_locations([REPO / "resources"], workdir / "data", environ={}))
    servers = {"kit now": ShareServer(app, HOST, 0), "as before": ShareServer(AsBefore(app), HOST, 0)}
    for server in servers.values():
        server.start()
    print(f"{args.students} students arrive at once, {args.rounds} times at each server, alternating (loopback)...")
    results: dict[str, list] = {name: [] for name in servers}
    try:
        for _ in range(args.rounds):
            for name, server in servers.items():
                results[name].extend(arrival(server.port, args.students, args.processes))
    finally:
        for server in servers.values():
            server.stop()
    print(f"\n{'':<10} {'pages':>6} {'errors':>6} | {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6} (ms) | {'KB each':>7}")
    for name, answers in results.items():
        times = [took for ok, took, _ in answers if ok]
        wire = [size for ok, _, size in answers if ok]
        print(
            f"{name:<10} {len(answers):>6} {sum(1 for ok, _, _ in answers if not ok):>6} | "
            f"{percentile(times, 0.5):>6.1f} {percentile(times, 0.95):>6.1f} {percentile(times, 0.99):>6.1f} "
            f"{max(times, default=float('nan')):>6.1f}      | {sum(wire) / max(len(wire), 1) / 1000:>7.1f}"
        )
    print("Target (issue 18): p95 page <= 100 ms with 40 students.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
