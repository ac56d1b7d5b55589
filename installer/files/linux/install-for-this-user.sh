#!/bin/sh
# Classroom Kit, portable folder: add it to this user's application menu and open double-clicked .kitpack files
# with it. Nothing outside the user's own data folder is touched; no administrator needed.
#   ./install-for-this-user.sh            register this folder (run again after moving it)
#   ./install-for-this-user.sh --remove   take the menu entry and the file type away again
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
desktop="$data/applications/classroom-kit.desktop"
icon="$data/icons/hicolor/256x256/apps/classroom-kit.png"
mime="$data/mime/packages/classroom-kit.xml"

refresh() {
    # Both tools are optional: without them the desktop rereads the folders at its next start.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$data/applications"; fi
}

if [ "${1:-}" = "--remove" ]; then
    rm -f "$desktop" "$icon" "$mime"
    refresh
    echo "Classroom Kit is no longer in the menu; its folder $here is unchanged."
    exit 0
fi

case "$here" in
    *'"'* | *'`'* | *'$'* | *'\'* | *"
"*)
        echo "This folder's path has a character a menu entry cannot hold: move the folder and run this again." >&2
        exit 1
        ;;
esac

mkdir -p "$(dirname "$desktop")" "$(dirname "$icon")" "$(dirname "$mime")"
# The shipped entry with this folder's program and icon; quoted only when the path holds a space, as the .deb's
# entry (installer/linux.py): xdg-open's fallback, used where no desktop runs, does not unquote Exec.
case "$here" in
    *" "*) program="\"$here/kit\"" ;;
    *) program="$here/kit" ;;
esac
grep -v -e '^Exec=' -e '^Icon=' "$here/classroom-kit.desktop" >"$desktop.tmp"
printf 'Exec=%s gui %%f\nIcon=%s/classroom-kit.png\n' "$program" "$here" >>"$desktop.tmp"
mv "$desktop.tmp" "$desktop"
cp "$here/classroom-kit.png" "$icon"
cp "$here/classroom-kit.xml" "$mime"
refresh
echo "Classroom Kit is in the menu, and .kitpack files open with it (from $here)."
