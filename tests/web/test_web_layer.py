"""kit.web is its own layer above core: no Qt, no teacher data store, and nothing done at import time."""

import subprocess
import sys

from testdata import REPO


def test_the_web_layer_uses_neither_qt_nor_the_teachers_store(tmp_path):
    code = (
        "import sys\n"
        "import kit.web, kit.web.app, kit.web.server, kit.web.addresses, kit.web.qr, kit.commands.serve\n"
        "heavy = [m for m in ('cheroot', 'segno', 'ifaddr', 'nh3', 'tantivy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "from pathlib import Path\n"
        "from kit.core.paths import resolve_locations\n"
        f"app = kit.web.create_app(resolve_locations([Path({str(REPO / 'resources')!r})], {str(tmp_path)!r}, environ={{}}))\n"
        "from kit.web.server import ShareServer\n"
        "server = ShareServer(app, '127.0.0.1', 0); server.start(); server.stop()\n"
        "kit.web.qr.terminal_qr('http://127.0.0.1:8800/')\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'kit.ui', 'kit.printing',"
        " 'kit.core.store', 'kit.core.packs')))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
