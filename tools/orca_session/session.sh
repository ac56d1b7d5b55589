#!/bin/bash
# Run the kit under Orca on a virtual screen and record what Orca says (docs/accessibility.md, "Trying it
# with Orca"). Needs: xvfb, dbus, at-spi2-core, orca, python3-pyatspi, speech-dispatcher, pulseaudio, xdotool.
#
#   tools/orca_session/session.sh STEPS_FILE OUT_DIR [KIT_TREE]
#
# STEPS_FILE: one step a line: `key KEYS` (xdotool key names), `type TEXT`, `wait SECONDS`, `probe` (the
# reader as AT-SPI shows it, through tools/orca_session/atspi_probe.py). OUT_DIR gets orca.log (Orca's debug
# log), spoken.txt (its SPEECH OUTPUT lines), keys.txt, probe-N.txt and app.log. KIT_TREE: the checkout to run
# (default: this one), so a branch can be compared with another. The teacher's data goes in OUT_DIR/data.
# KIT_PYTHON: the Python with the kit's dependencies (default: python3).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--inside" ]; then  # in the D-Bus session made below
  shift; STEPS=$1 OUT=$2 TREE=$3
  export XDG_RUNTIME_DIR=$OUT/runtime; mkdir -p -m 700 "$XDG_RUNTIME_DIR"  # speech-dispatcher's socket: ours alone
  # A sound server with a null sink: without a sound device speech-dispatcher blocks, and Orca with it.
  pulseaudio -D -n --exit-idle-time=-1 --load="module-null-sink sink_name=orca" --load=module-native-protocol-unix
  /usr/libexec/at-spi-bus-launcher --launch-immediately & sleep 1
  cd "$TREE"  # `python -m` puts the working folder first on the path
  QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 KIT_DATA_DIR=$OUT/data PYTHONPATH=$TREE \
    "${KIT_PYTHON:-python3}" -m kit gui > "$OUT/app.log" 2>&1 &
  APP=$!
  sleep 12  # the window and the library
  /usr/bin/python3 "$HERE/orca_logged.py" --replace --debug-file="$OUT/orca.log" > "$OUT/orca.out" 2>&1 &
  ORCA=$!
  sleep 8
  xdotool windowfocus --sync "$(xdotool search --name 'Classroom Kit' | head -1)"; sleep 2
  probes=0
  while read -r verb arg; do
    case "$verb" in
      key) xdotool key --delay 100 $arg; echo "$(date +%T.%N) $arg" >> "$OUT/keys.txt"; sleep 1.6;;
      type) xdotool type --delay 80 "$arg"; sleep 1;;
      wait) sleep "$arg";;
      probe) probes=$((probes + 1)); /usr/bin/python3 "$HERE/atspi_probe.py" > "$OUT/probe-$probes.txt" 2>&1;;
    esac
  done < "$STEPS"
  kill $ORCA $APP; wait $ORCA $APP 2>/dev/null
  SPEECH=$XDG_RUNTIME_DIR/speech-dispatcher/pid/speech-dispatcher.pid
  [ -f "$SPEECH" ] && kill "$(cat "$SPEECH")"
  pulseaudio --kill
  exit 0
fi
STEPS=$(realpath "$1"); OUT=$(realpath -m "$2"); TREE=$(realpath "${3:-$HERE/../..}")
mkdir -p "$OUT"; rm -f "$OUT/keys.txt"
DISPLAY_NUMBER=${DISPLAY_NUMBER:-91}
Xvfb ":$DISPLAY_NUMBER" -screen 0 1400x1000x24 -nolisten tcp > "$OUT/xvfb.log" 2>&1 &
XVFB=$!
sleep 1
DISPLAY=":$DISPLAY_NUMBER" dbus-run-session -- "$0" --inside "$STEPS" "$OUT" "$TREE" > "$OUT/session.log" 2>&1
kill $XVFB
grep "SPEECH OUTPUT" "$OUT/orca.log" | sed "s/{'established': False}//" > "$OUT/spoken.txt"
echo "$OUT/spoken.txt: $(wc -l < "$OUT/spoken.txt") lines spoken"
