"""Entry script PyInstaller freezes: the same `main` as the `kit` console script."""

import sys

from kit.__main__ import main

sys.exit(main())
