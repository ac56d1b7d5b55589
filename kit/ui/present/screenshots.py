"""Screenshots of presenting (audience and presenter views) for `kit screenshots DIR --size WxH` and the docs."""

from __future__ import annotations

from pathlib import Path

from kit.core.content.loader import Library
from kit.core.model import Resource

# A discussion guide's question slide with facilitator notes shows both views at their most typical.
PREFERRED_GUIDE = "guide-what-is-trafficking"


def parse_size(size) -> tuple[int, int]:
    """(width, height) from "1920x1080", a (w, h) pair or a QSize."""
    if isinstance(size, str):
        width, _, height = size.lower().partition("x")
        return int(width), int(height)
    if hasattr(size, "width") and callable(size.width):
        return int(size.width()), int(size.height())
    width, height = size
    return int(width), int(height)


def _guide(library: Library, preferred_id: str = PREFERRED_GUIDE) -> Resource | None:
    preferred = library.get(preferred_id)
    if preferred is not None:
        return preferred
    return next(
        (r for r in library.resources if r.kind == "guide"), library.resources[0] if library.resources else None
    )


def _question_slide(presentation) -> int:
    """A question with notes and a slide after it (question 2 when there is one), so every pane has content."""
    slides = presentation.slides[:-1]
    candidates = [i for i, s in enumerate(slides) if s.notes and s.title[:1].isdigit()]
    candidates += [i for i, s in enumerate(slides) if s.notes]
    second = [i for i in candidates if presentation.slides[i].title.startswith("2")]
    return (second or candidates or [0])[0]


def _longest_slide(library: Library, width: int, height: int) -> tuple[Resource, int]:
    """The slide of the kit that needs the most shrinking at this size: the worst case to look at."""
    from kit.ui.present.controller import Presentation
    from kit.ui.present.slide_view import SlideView

    view = SlideView()
    view.resize(width, height)
    worst: tuple[float, Resource, int] | None = None
    for resource in library.resources:
        presentation = Presentation(resource)
        for index in range(presentation.count):
            view.set_slide(presentation.slide_html(index), resource.pack_dir)
            scale = view.fit()
            if worst is None or scale < worst[0]:
                worst = (scale, resource, index)
        presentation.deleteLater()
    view.deleteLater()
    assert worst is not None
    return worst[1], worst[2]


def render_present_screenshots(library: Library, out_dir: Path, size, preferred: str = PREFERRED_GUIDE) -> list[Path]:
    """Write the audience view (a question, and the kit's longest slide) and the presenter view as PNGs.

    Needs the QApplication (the caller makes it). Returns the files written.
    """
    from PySide6.QtWidgets import QApplication

    from kit.ui.present.audience import AudienceView
    from kit.ui.present.controller import Presentation
    from kit.ui.present.presenter import PresenterView

    width, height = parse_size(size)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    resource = _guide(library, preferred)
    if resource is None:
        return []
    written: list[Path] = []

    def shoot(widget, name: str) -> None:
        widget.resize(width, height)
        widget.show()
        QApplication.processEvents()
        path = out_dir / f"{name}-{width}x{height}.png"
        widget.grab().save(str(path))
        widget.hide()
        written.append(path)

    presentation = Presentation(resource)
    presentation.go(_question_slide(presentation))
    audience = AudienceView(presentation)
    shoot(audience, "present-audience")
    presenter = PresenterView(presentation)
    presenter.set_audience_aspect(width / height)
    shoot(presenter, "present-presenter")

    long_resource, long_index = _longest_slide(library, width, height)
    longest = Presentation(long_resource, long_index)
    long_view = AudienceView(longest)
    shoot(long_view, "present-audience-longest-slide")

    for widget in (audience, presenter, long_view):
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()
    return written
