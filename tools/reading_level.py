"""Flesch-Kincaid grade of each student resource (student edition), and the median: python3 tools/reading_level.py"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STUDENT_KINDS = ("article", "handout", "guide")


def student_text(resource) -> str:
    """Exactly what `kit show ID --edition student --format text` prints."""
    from kit.core.render import markup, plain_text

    return f"{resource.title}\n\n{plain_text.html_to_text(markup.render(resource, 'student').html)}"


def grades(library) -> dict[str, float]:
    """FK grade per English student resource (textstat; French is not measured with an English formula)."""
    import textstat

    textstat.set_lang("en_US")
    return {
        r.id: float(textstat.flesch_kincaid_grade(student_text(r)))
        for r in library.resources
        if r.kind in STUDENT_KINDS and r.language == "en" and r.is_for_students
    }


def main() -> None:
    from kit.core.content.loader import load_library

    library = load_library([REPO / "resources"])
    result = grades(library)
    for resource_id, grade in sorted(result.items(), key=lambda item: item[1]):
        print(f"{grade:5.1f}  {resource_id}")
    print(f"median FK grade: {statistics.median(result.values()):.1f} over {len(result)} student resources")


if __name__ == "__main__":
    main()
