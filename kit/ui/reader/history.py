"""Back and forward through the resources opened in this session (plain Python: no Qt, easy to test)."""

from __future__ import annotations


class History:
    def __init__(self) -> None:
        self._ids: list[str] = []
        self._index = -1

    def record(self, resource_id: str) -> None:
        """A new page was opened: it becomes the current one and the forward list is dropped."""
        if self.current() == resource_id:
            return
        del self._ids[self._index + 1 :]
        self._ids.append(resource_id)
        self._index = len(self._ids) - 1

    def current(self) -> str | None:
        return self._ids[self._index] if self._index >= 0 else None

    def step(self, offset: int) -> str | None:
        """Move back (-1) or forward (+1); returns the id now current, or None when there is nowhere to go."""
        index = self._index + offset
        if not 0 <= index < len(self._ids):
            return None
        self._index = index
        return self._ids[index]

    def drop_current(self) -> None:
        """Forget the current entry and what follows it (a page the teacher chose not to open)."""
        del self._ids[self._index :]
        self._index = len(self._ids) - 1

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._ids) - 1
