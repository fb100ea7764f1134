#!/bin/sh
# Runs a command on a throw-away desktop: everything with-keyring.sh gives (a private D-Bus session bus with
# gnome-keyring's Secret Service), plus a real X server (Xvfb, on a free display number, no TCP), a system
# tray host (trayer, a freedesktop XEmbed tray) and a notification server (NotificationServer.cpp).
#
#   AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER=path/to/NotificationServer with-desktop.sh COMMAND [ARGUMENTS...]
#
# The command sees DISPLAY; AWS_SSO_TRAY_TEST_TRAY_WINDOW, the X id of trayer's panel (embedded icons
# become its descendants: xwininfo -tree -id "$AWS_SSO_TRAY_TEST_TRAY_WINDOW"); AWS_SSO_TRAY_TEST_NOTIFICATIONS,
# the server's log, one JSON object per line (kept when the caller set the variable, else in a scratch
# directory); and the variables of with-keyring.sh. A test presses a notification's button through the
# server's control object:
#   gdbus call --session --dest org.freedesktop.Notifications --object-path /test \
#     --method org.awsssotray.TestNotifications.InvokeAction ID ACTION_KEY
# (also Dismiss ID and LastId). Everything started here is killed when the command ends, whatever its result.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ "$#" -eq 0 ]; then
    echo "usage: AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER=SERVER $0 COMMAND [ARGUMENTS...]" >&2
    exit 2
fi

if [ -z "${WITH_DESKTOP_INSIDE_BUS:-}" ]; then
    for tool in Xvfb trayer xdotool xwininfo; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$0: $tool is not installed (Debian: xvfb, trayer, xdotool, x11-utils)" >&2
            exit 1
        fi
    done
    if [ ! -x "${AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER:-}" ]; then
        echo "$0: set AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER to the NotificationServer test binary" \
            "(build it with: cmake --build BUILD_DIR --target NotificationServer)" >&2
        exit 2
    fi
    WITH_DESKTOP_INSIDE_BUS=1
    export WITH_DESKTOP_INSIDE_BUS
    exec sh "$here/with-keyring.sh" sh "$0" "$@"
fi
unset WITH_DESKTOP_INSIDE_BUS

scratch=$(mktemp -d "${TMPDIR:-/tmp}/with-desktop.XXXXXX")
started=
cleanup() {
    for pid in $started; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# fail MESSAGE [LOG...]: says what did not start, with its logs.
fail() {
    echo "$0: $1" >&2
    shift
    for log in "$@"; do
        if [ -s "$log" ]; then
            cat "$log" >&2
        fi
    done
    exit 1
}

# Waits up to 10 s for a shell condition; gives up early when the process it depends on died.
wait_for() {
    condition=$1
    pid=$2
    for _ in $(seq 100); do
        if eval "$condition"; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        sleep 0.1
    done
    return 1
}

# The X server picks a free display itself and writes its number to fd 3 once it accepts connections.
# -noreset: by default it resets whenever its last client leaves, and a client connecting just then (trayer
# right after a probing xdotool) is refused.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$scratch/display" >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
started="$xvfb_pid"
wait_for '[ -s "$scratch/display" ]' "$xvfb_pid" || fail "Xvfb did not start:" "$scratch/xvfb.log"
DISPLAY=:$(tr -d '\n' <"$scratch/display")
export DISPLAY

# The tray: its panel is mapped once it owns the _NET_SYSTEM_TRAY selection and can embed icons.
trayer --edge top --align right --widthtype request --height 32 --transparent false --SetDockType true \
    >"$scratch/trayer.log" 2>&1 &
trayer_pid=$!
started="$trayer_pid $started"
wait_for 'xdotool search --onlyvisible --class trayer >"$scratch/tray-window" 2>/dev/null' "$trayer_pid" ||
    fail "trayer did not map its panel on $DISPLAY:" "$scratch/trayer.log" "$scratch/xvfb.log"
AWS_SSO_TRAY_TEST_TRAY_WINDOW=$(head -n 1 "$scratch/tray-window")
export AWS_SSO_TRAY_TEST_TRAY_WINDOW

# The notification server, ready once it owns its name on the session bus.
AWS_SSO_TRAY_TEST_NOTIFICATIONS=${AWS_SSO_TRAY_TEST_NOTIFICATIONS:-$scratch/notifications.jsonl}
export AWS_SSO_TRAY_TEST_NOTIFICATIONS
"$AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER" "$AWS_SSO_TRAY_TEST_NOTIFICATIONS" >/dev/null 2>"$scratch/notifications.log" &
server_pid=$!
started="$server_pid $started"
wait_for 'dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q "boolean true"' \
    "$server_pid" || fail "the notification server did not start:" "$scratch/notifications.log"

status=0
"$@" || status=$?
exit "$status"
