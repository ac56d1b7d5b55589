"""What every command gets: one `Context` (where things live, and the kit's library, loaded one way) and one
error type for a mistake the user can fix."""

from __future__ import annotations

import difflib
import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kit.core.errors import KitError
from kit.core.i18n import QT_TRANSLATE_NOOP, translate
from kit.core.paths import Locations

if TYPE_CHECKING:
    from kit.core.content.loader import Library
    from kit.core.model import Resource

NO_CONTENT = QT_TRANSLATE_NOOP("Cli", "no resources found; give --resources DIR or set KIT_RESOURCES")


class UserError(KitError):
    """A mistake on the command line (unknown id, bad value): `kit: <message>`, exit status 1, no traceback."""


@dataclass
class Context:
    """One run of one command. The library is loaded on first use, so commands that never read it stay quick."""

    locations: Locations
    # False for commands that describe the install rather than this teacher's kit (screenshots, smoke test):
    # they must not show or depend on the teacher's own or imported packs.
    include_own_packs: bool = True

    def install_only(self) -> Context:
        """The same run without the teacher's own and imported packs."""
        return Context(self.locations, include_own_packs=False)

    def library_roots(self) -> tuple[Path, ...]:
        if self.include_own_packs:
            return self.locations.library_roots()  # --resources (or the bundled kit), then every installed pack
        return self.locations.resource_dirs

    @functools.cached_property
    def library(self) -> Library:
        """The kit every command sees, the same as the app: loaded once, from `library_roots()`.

        Read it after changing what is installed (e.g. after `pack import`), not before: it is not reloaded.
        """
        from kit.core.content.loader import load_library  # reads YAML: not needed by `kit --version`

        roots = self.library_roots()
        if not roots:
            raise UserError(translate("Cli", NO_CONTENT))
        library = load_library(list(roots))
        for hidden in library.hidden:  # nothing takes another's place unseen (issue 15): said on every command
            print(translate("Cli", "warning: {problem}").format(problem=hidden.describe()), file=sys.stderr)
        return library

    def resource(self, resource_id: str) -> Resource:
        """The resource with this id, or the one-line error every command gives for an unknown id."""
        resource = self.library.get(resource_id)
        if resource is None:
            raise UserError(
                translate("Cli", "no resource with id '{id}' {hint}").format(
                    id=resource_id, hint=self._id_hint(resource_id)
                )
            )
        return resource

    def _id_hint(self, resource_id: str) -> str:
        """A "did you mean" with the closest id in the library, for a typo like `exit-tickets`; else where to look."""
        ids = [resource.id for resource in self.library.resources]
        # 0.8 catches a letter or two wrong, added or missing, and leaves unrelated ids alone.
        close = difflib.get_close_matches(resource_id, ids, n=1, cutoff=0.8)
        if close:
            return translate("Cli", "— did you mean '{id}'?").format(id=close[0])
        return translate("Cli", "(see 'kit list')")
