#!/usr/bin/env bash
# Takes the README's screenshot of the tray menu: `aws-sso-tray --demo` on a throw-away desktop (Xvfb,
# trayer, a private session bus and keyring: tests/desktop/with-desktop.sh), both demo sessions logged in,
# the icon clicked, the screen cropped to the panel and the menu.
#
#   packaging/screenshot-menu.sh [BUILD_DIR] [OUTPUT.png] [LOCALE]
#
# Defaults: build-tests, docs/tray-menu.png, the current locale; LOCALE de_DE.UTF-8 shows the German menu
# (only the app gets it, so it need not be installed as a system locale).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=$(realpath "${1:-build-tests}")
output=$(realpath -m "${2:-docs/tray-menu.png}")
locale=${3:-}
app=$build_dir/src/app/aws-sso-tray
server=$build_dir/tests/desktop/NotificationServer
for binary in "$app" "$server"; do
    if [ ! -x "$binary" ]; then
        echo "$0: $binary is missing; build it first (cmake --build $build_dir)" >&2
        exit 2
    fi
done
# WebEngine refuses to run as root without this (the demo's logins); never set for a real user.
if [ "$(id -u)" -eq 0 ]; then
    export QTWEBENGINE_DISABLE_SANDBOX=1
fi
mkdir -p "$(dirname "$output")"

export AWS_SSO_TRAY_APP=$app AWS_SSO_TRAY_SHOT=$output AWS_SSO_TRAY_SHOT_LOCALE=$locale
AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER=$server exec tests/desktop/with-desktop.sh bash -c '
set -euo pipefail
work=$(mktemp -d)
tray=
trap "[ -n \"\$tray\" ] && { kill \$tray 2>/dev/null; wait \$tray 2>/dev/null; }; rm -rf \$work" EXIT
if [ -n "$AWS_SSO_TRAY_SHOT_LOCALE" ]; then
    LC_ALL=$AWS_SSO_TRAY_SHOT_LOCALE LANG=$AWS_SSO_TRAY_SHOT_LOCALE QT_QPA_PLATFORM=xcb "$AWS_SSO_TRAY_APP" --demo \
        2>"$work/tray.log" &
else
    QT_QPA_PLATFORM=xcb "$AWS_SSO_TRAY_APP" --demo 2>"$work/tray.log" &
fi
tray=$!
# The demo says where its throw-away home is; both of its sessions log in by themselves.
for _ in $(seq 100); do
    demo=$(grep -o "/[^ ]*aws-sso-tray-demo-[A-Za-z0-9]*" "$work/tray.log" | head -n 1 || true)
    [ -n "$demo" ] && break
    sleep 0.2
done
[ -n "$demo" ] || { echo "the demo did not start:" >&2; cat "$work/tray.log" >&2; exit 1; }
for _ in $(seq 300); do
    [ "$(ls "$demo/home/.aws/sso/cache" 2>/dev/null | wc -l)" -ge 4 ] && break
    sleep 0.2
done
sleep 1
icon=$(xwininfo -children -id "$AWS_SSO_TRAY_TEST_TRAY_WINDOW" | awk "/^ +0x/ {print \$1; exit}")
[ -n "$icon" ] || { echo "no icon in the tray" >&2; exit 1; }
xdotool mousemove --window "$icon" 8 8 click 1
sleep 1
import -window root "$work/screen.png"
xdotool key Escape
# The screen is black but for the panel and the menu: keep just those, with a margin.
convert "$work/screen.png" -fuzz 2% -trim +repage -bordercolor "#202020" -border 12 "$AWS_SSO_TRAY_SHOT"
echo "$AWS_SSO_TRAY_SHOT"
'
