"""Classroom Kit's replacement for PyInstaller's `inspect` run-time hook: intentionally nothing.

PyInstaller's hook imports inspect and zipfile and lists base_library.zip at every start (~30 ms of the
frozen kit's start-up, measured with -X importtime) so that inspect.getsourcefile() resolves frozen
modules. The kit never asks for source files, and tracebacks use linecache, not inspect.
"""
