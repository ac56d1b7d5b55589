"""The victim of the kill tests: imports packs, saves notes, edits lessons, adds own material until SIGKILLed.

Every write carries its own check (a note holds its SHA-256; a lesson always has 3 items worth 30
minutes), so the test can tell a torn write from a whole one after the kill.
Run: python kill_worker.py DATA_DIR PACK_FILE SEED [import|note|lesson|add|file|pack-lessons|mixed]
(pack-lessons imports PACK_FILE and stores its lessons as `kit pack import` does, and removes it.)
"""

import hashlib
import random
import sys
from pathlib import Path

from kit.core.atomic import atomic_write_text
from kit.core.packs import importer, installed, own_pack
from kit.core.packs.lessons import store_pack_lessons
from kit.core.store.database import LessonItem, Store


def note_text(rng: random.Random) -> str:
    payload = "".join(rng.choice("abc déf 👩🏽‍🏫 עברית\n\x00") for _ in range(rng.randint(1, 200_000)))
    return hashlib.sha256(payload.encode()).hexdigest() + ":" + payload


def main() -> None:
    data_dir, pack_file, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    focus = sys.argv[4] if len(sys.argv) > 4 else "mixed"
    actions = ("import", "import-fast", "remove", "note", "lesson", "file", "add")
    if focus == "import":
        actions = ("import", "import-fast", "remove")
    elif focus == "pack-lessons":
        actions = ("pack-lessons", "pack-lessons", "remove")
    elif focus != "mixed":
        actions = (focus,)
    rng = random.Random(seed)
    packs_dir = data_dir / "packs"
    store = Store.open(data_dir)
    print("ready", flush=True)
    while True:
        action = rng.choice(actions)
        print(action, flush=True)  # the test counts which action each kill interrupted
        if action.startswith("import"):
            check = None if action == "import" else (lambda folder: ([], []))
            importer.import_pack(pack_file, packs_dir, on_conflict="replace", validate_content=check)
        elif action == "pack-lessons":
            result = importer.import_pack(
                pack_file, packs_dir, on_conflict="replace", validate_content=lambda f: ([], [])
            )
            store_pack_lessons(store, result.path, result.pack_id, result.lessons)
        elif action == "remove":
            for folder in installed.installed_pack_dirs(packs_dir):
                if folder.name != "own":
                    installed.remove_pack(packs_dir, folder.name)
        elif action == "note":
            store.set_note(f"res-{rng.randint(1, 5)}", note_text(rng))
        elif action == "lesson":
            items = [LessonItem(f"res-{n}", 10) for n in rng.sample(range(1, 9), 3)]
            lessons = store.lessons()
            if not lessons or rng.random() < 0.3:
                store.create_lesson("Lesson", "9B", None, items)
            elif rng.random() < 0.3:
                store.duplicate_lesson(rng.choice(lessons).id)
            elif rng.random() < 0.2 and len(lessons) > 3:
                store.delete_lesson(rng.choice(lessons).id)
            else:
                lesson = rng.choice(lessons)
                store.update_lesson(lesson.__class__(lesson.id, f"Edited {rng.random()}", "9C", None, tuple(items)))
        elif action == "add":
            source = data_dir / "source.md"
            atomic_write_text(source, f"# Added {rng.random()}\n\n" + "Some words. " * rng.randint(1, 20_000))
            own_pack.add_file(source, packs_dir, {p.stem for p in (packs_dir / "own").glob("*.md")})
        else:
            text = note_text(rng)
            atomic_write_text(data_dir / "settings.txt", text)


if __name__ == "__main__":
    main()
