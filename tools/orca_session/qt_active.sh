#!/bin/bash
# Does Qt say an assistive technology is active without Orca, and with it? On a virtual screen with its own
# D-Bus session and AT-SPI bus (as session.sh, but without QT_LINUX_ACCESSIBILITY_ALWAYS_ON): a small Qt window
# prints QAccessible.isActive() each second; Orca starts at 8 s and stops at 23 s; the bus's org.a11y.Status
# is read before and during. docs/accessibility.md says what it showed.
#
#   tools/orca_session/qt_active.sh OUT_DIR        (KIT_PYTHON: the Python with PySide6; default python3)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
status() { gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
  --method org.freedesktop.DBus.Properties.GetAll org.a11y.Status 2>&1; }
if [ "${1:-}" = "--inside" ]; then
  OUT=$2
  export XDG_RUNTIME_DIR=$OUT/runtime; mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  pulseaudio -D -n --exit-idle-time=-1 --load="module-null-sink sink_name=orca" --load=module-native-protocol-unix
  /usr/libexec/at-spi-bus-launcher --launch-immediately & sleep 1
  "${KIT_PYTHON:-python3}" "$HERE/qt_active_probe.py" 40 > "$OUT/qt.txt" 2>&1 &
  APP=$!
  sleep 8
  echo "before Orca: $(status)" > "$OUT/status.txt"
  /usr/bin/python3 "$HERE/orca_logged.py" --replace --debug-file="$OUT/orca.log" > "$OUT/orca.out" 2>&1 &
  ORCA=$!
  sleep 8; echo "Orca running: $(status)" >> "$OUT/status.txt"
  sleep 7; kill $ORCA
  wait $APP
  SPEECH=$XDG_RUNTIME_DIR/speech-dispatcher/pid/speech-dispatcher.pid
  [ -f "$SPEECH" ] && kill "$(cat "$SPEECH")"
  pulseaudio --kill
  exit 0
fi
OUT=$(realpath -m "$1"); mkdir -p "$OUT"
DISPLAY_NUMBER=${DISPLAY_NUMBER:-92}
Xvfb ":$DISPLAY_NUMBER" -screen 0 1200x800x24 -nolisten tcp > "$OUT/xvfb.log" 2>&1 &
XVFB=$!
sleep 1
DISPLAY=":$DISPLAY_NUMBER" dbus-run-session -- "$0" --inside "$OUT" > "$OUT/session.log" 2>&1
kill $XVFB
echo "gsettings toolkit-accessibility: $(gsettings get org.gnome.desktop.interface toolkit-accessibility 2>&1)" >> "$OUT/status.txt"
cat "$OUT/status.txt"; grep -c "isActive=True" "$OUT/qt.txt" | sed 's/$/ seconds isActive=True/'
grep -c "isActive=False" "$OUT/qt.txt" | sed 's/$/ seconds isActive=False/'
