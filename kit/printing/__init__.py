"""Turning resources into printed pages and PDFs (QtGui and QtPrintSupport only)."""
