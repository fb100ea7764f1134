#!/bin/sh
# Runs a command against a real, throw-away Secret Service: a private D-Bus session bus
# (dbus-run-session) with gnome-keyring-daemon's secrets component, its "login" keyring created and
# unlocked with a random password in a scratch directory, so the user's own keyrings are never touched.
#
#   with-keyring.sh COMMAND [ARGUMENTS...]
#
# The command sees DBUS_SESSION_BUS_ADDRESS, whatever variables the daemon prints (GNOME_KEYRING_CONTROL
# and the like), XDG_DATA_HOME/XDG_RUNTIME_DIR of the scratch keyring, and AWS_SSO_TRAY_TEST_KEYRING_PID,
# the daemon's pid, so a test can freeze it (kill -STOP) to play a keyring that never answers. The daemon
# is killed (and thawed first, in case a test left it stopped) when the command ends, whatever its result.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGUMENTS...]" >&2
    exit 2
fi

if [ -z "${WITH_KEYRING_INSIDE_BUS:-}" ]; then
    for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$0: $tool is not installed (Debian: dbus, dbus-x11, gnome-keyring)" >&2
            exit 1
        fi
    done
    WITH_KEYRING_INSIDE_BUS=1
    export WITH_KEYRING_INSIDE_BUS
    exec dbus-run-session -- sh "$0" "$@"
fi
unset WITH_KEYRING_INSIDE_BUS

scratch=$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")
mkdir -m 700 "$scratch/data" "$scratch/runtime"
# gnome-keyring keeps keyrings in $XDG_DATA_HOME/keyrings and its control socket in $XDG_RUNTIME_DIR.
XDG_DATA_HOME=$scratch/data
XDG_RUNTIME_DIR=$scratch/runtime
export XDG_DATA_HOME XDG_RUNTIME_DIR
# Never a user's desktop: no prompts may appear anywhere.
unset DISPLAY WAYLAND_DISPLAY

daemon_pid=
cleanup() {
    if [ -n "$daemon_pid" ]; then
        kill -CONT "$daemon_pid" 2>/dev/null || true
        kill -TERM "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --foreground keeps the daemon our child, so its pid is known and it can be killed; it reads the unlock
# password of the (new) login keyring from stdin.
unlock_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s' "$unlock_password" |
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$scratch/daemon.env" 2>"$scratch/daemon.log" &
daemon_pid=$!

# Ready once it owns the Secret Service name on the bus.
ready=
for _ in $(seq 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
        ready=1
        break
    fi
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$ready" ]; then
    echo "$0: gnome-keyring-daemon did not provide org.freedesktop.secrets:" >&2
    cat "$scratch/daemon.log" >&2
    exit 1
fi

# Whatever NAME=value lines the daemon printed become the command's environment.
while IFS= read -r line; do
    case "$line" in
    [A-Za-z_]*=*) export "${line?}" ;;
    esac
done <"$scratch/daemon.env"
AWS_SSO_TRAY_TEST_KEYRING_PID=$daemon_pid
export AWS_SSO_TRAY_TEST_KEYRING_PID

status=0
"$@" || status=$?
exit "$status"
