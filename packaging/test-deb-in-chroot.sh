#!/usr/bin/env bash
# Run by hand, not in CI (it downloads a Debian system: 2 to 6 minutes here, README "Packages").
# Proves that the .deb installs on a clean Debian 12 with nothing but its declared dependencies, and
# that the program starts there:
#   1. debootstrap --variant=minbase bookworm into ROOT_DIR, from this machine's own Debian mirror
#      (the one its /etc/apt/sources.list(.d) names; no other host is contacted);
#   2. the same Debian suites as this machine (bookworm, -updates, -security) in the root's apt sources;
#   3. apt-get install ./the.deb inside the root, which resolves the dependencies from Debian;
#   4. aws-sso-tray --version and --help inside the root, and the desktop entry, metainfo and icons
#      checked where they must be;
#   5. apt-get purge, which must leave none of the package's files behind.
# Needs root and debootstrap (packaging/install-build-deps.sh installs it).
#   sudo packaging/test-deb-in-chroot.sh build-deb/aws-sso-tray_0.1.0_amd64.deb [ROOT_DIR]
# ROOT_DIR defaults to build-chroot in the source tree; it is removed at the end unless KEEP_CHROOT=1.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 PATH/TO/aws-sso-tray_VERSION_ARCH.deb [ROOT_DIR]  (build the .deb with packaging/build-deb.sh)" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$0: debootstrap and chroot need root; run it with sudo." >&2
  exit 2
fi
deb=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/.." && pwd)
root=$(realpath -m "${2:-$source_dir/build-chroot}")
app_id=io.github.awsssotray.AwsSsoTray
started=$SECONDS

# This machine's Debian sources: deb822 (.sources) stanzas and one-line (.list) entries whose suite is
# bookworm, bookworm-updates or bookworm-security. Printed as one-line entries; the bookworm one first.
host_debian_sources() {
  python3 - /etc/apt/sources.list /etc/apt/sources.list.d/* <<'PY'
import re, sys
wanted = re.compile(r"^bookworm(-updates|-security)?$")
entries = []
for path in sys.argv[1:]:
    try:
        text = open(path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError):
        continue
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            fields = {}
            for line in stanza.splitlines():
                if line.startswith("#") or ":" not in line:
                    continue
                key, value = line.split(":", 1)
                fields[key.strip().lower()] = value.split()
            if "deb" not in fields.get("types", []):
                continue
            for uri in fields.get("uris", []):
                for suite in fields.get("suites", []):
                    if wanted.match(suite):
                        entries.append((uri, suite, fields.get("components", ["main"])))
    elif path.endswith(".list"):
        for line in text.splitlines():
            words = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
            if len(words) >= 3 and words[0] == "deb" and wanted.match(words[2]):
                entries.append((words[1], words[2], words[3:] or ["main"]))
entries.sort(key=lambda entry: entry[1] != "bookworm")
for uri, suite, components in entries:
    print("deb", uri, suite, " ".join(components))
PY
}

sources=$(host_debian_sources)
mirror=$(printf '%s\n' "$sources" | awk '$3 == "bookworm" { print $2; exit }')
if [ -z "$mirror" ]; then
  echo "$0: no Debian bookworm mirror in /etc/apt/sources.list(.d); add one (e.g. deb.debian.org) and retry." >&2
  exit 2
fi

mounts=("$root/dev/pts" "$root/dev" "$root/proc")
unmount_root() {
  for mount_point in "${mounts[@]}"; do
    if mountpoint -q "$mount_point"; then umount -l "$mount_point"; fi
  done
}
# Never deletes through a mount that is still there (the host's /dev): checks, and stays on one file system.
remove_root() {
  unmount_root
  for mount_point in "${mounts[@]}"; do
    if mountpoint -q "$mount_point"; then
      echo "$0: $mount_point is still mounted; unmount it, then remove $root by hand." >&2
      return 1
    fi
  done
  rm -rf --one-file-system "$root"
}
cleanup() {
  if [ "${KEEP_CHROOT:-0}" = 1 ]; then unmount_root; else remove_root; fi
}
trap cleanup EXIT

echo "== debootstrap bookworm (minbase) from $mirror into $root"
remove_root
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
  || { tail -20 "$root.debootstrap.log" >&2; exit 1; }
rm -f "$root.debootstrap.log"
echo "   $((SECONDS - started)) s"

printf '%s\n' "$sources" >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }

echo "== apt-get install ./$(basename "$deb") (dependencies from Debian)"
install_started=$SECONDS
in_root apt-get update -q
# chroot starts in the root's /, so ./tmp/NAME.deb is the copy above: a local file, not a package name.
in_root apt-get install -y -q "./tmp/$(basename "$deb")" 2>&1 | tail -5
# shellcheck disable=SC2016 # ${binary:Package} is dpkg-query's format, not a shell expansion
echo "   $((SECONDS - install_started)) s; $(in_root dpkg-query -W -f='${binary:Package}\n' | wc -l) packages installed"

echo "== aws-sso-tray --version / --help"
in_root aws-sso-tray --version
help_text=$(in_root aws-sso-tray --help)
printf '%s\n' "$help_text" | head -5

echo "== installed files"
for path in "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
            "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
            "usr/share/icons/hicolor/16x16/apps/$app_id.png" "usr/share/icons/hicolor/256x256/apps/$app_id.png" \
            usr/share/doc/aws-sso-tray/copyright; do
  if [ ! -f "$root/$path" ]; then
    echo "$0: /$path is not installed in the root; check the install rules in packaging/CMakeLists.txt." >&2
    exit 1
  fi
  echo "   /$path"
done
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"

echo "== apt-get purge aws-sso-tray"
in_root apt-get purge -y -q aws-sso-tray >/dev/null
leftovers=$(cd "$root" && find usr etc -path '*aws-sso-tray*' -o -path "*$app_id*" | head -5)
if [ -n "$leftovers" ]; then
  echo "$0: purging the package left files behind: $leftovers" >&2
  exit 1
fi
echo "   nothing left"
echo "== passed in $((SECONDS - started)) s"
