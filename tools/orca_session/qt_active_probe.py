"""Print, once a second for SECONDS, what Qt says of assistive technology (QAccessible.isActive) in a small
window: what kit.ui.reader.caret_browsing asks (run by qt_active.sh; docs/accessibility.md)."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QTextBrowser


def main() -> None:
    seconds = float(sys.argv[1])
    app = QApplication(sys.argv[:1])
    view = QTextBrowser()
    view.setPlainText("A page.")
    view.show()
    start = time.monotonic()

    def tick() -> None:
        print(f"{time.monotonic() - start:5.1f} s isActive={QAccessible.isActive()}", flush=True)
        if time.monotonic() - start > seconds:
            app.quit()

    timer = QTimer(interval=1000, timeout=tick)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
