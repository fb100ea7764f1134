#!/usr/bin/env bash
# Builds the Debian package of aws-sso-tray from scratch in its own build directory (Release, no test
# hooks, no tests, Debian's hardening flags), checks what it installs, and runs lintian on it: any
# lintian error fails the script. Prints the path of the .deb last.
#   packaging/build-deb.sh [BUILD_DIR]        (default: build-deb)
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build-deb}

# The flags dpkg-buildpackage would use (fortify, stack protector, relro, bindnow). CMake reads no
# CPPFLAGS, so the preprocessor flags go with the compiler flags.
eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DAWS_SSO_TRAY_TEST_HOOKS=OFF -DAWS_SSO_TRAY_BUILD_TESTS=OFF -DAWS_SSO_TRAY_WERROR=OFF \
  "-DCMAKE_CXX_FLAGS=$CPPFLAGS $CXXFLAGS" "-DCMAKE_EXE_LINKER_FLAGS=$LDFLAGS" "${launcher[@]}"
cmake --build "$build_dir" -j "$(nproc)"

rm -f "$build_dir"/aws-sso-tray_*.deb
(cd "$build_dir" && cpack -G DEB)
debs=("$build_dir"/aws-sso-tray_*.deb)
deb=${debs[0]}

dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"

# What the package must hold, and what it must not: the hooks the end-to-end tests use.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb --extract "$deb" "$unpacked"
app_id=io.github.awsssotray.AwsSsoTray
for path in usr/bin/aws-sso-tray \
            "usr/share/applications/$app_id.desktop" \
            "usr/share/metainfo/$app_id.metainfo.xml" \
            "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
            "usr/share/icons/hicolor/48x48/apps/$app_id.png" \
            usr/share/doc/aws-sso-tray/copyright \
            usr/share/doc/aws-sso-tray/changelog.gz; do
  if [ ! -e "$unpacked/$path" ]; then
    echo "build-deb: the package lacks /$path; check the install rules in packaging/CMakeLists.txt." >&2
    exit 1
  fi
done
if grep -q AWS_SSO_TRAY_TEST_PAGE_SCRIPT "$unpacked/usr/bin/aws-sso-tray"; then
  echo "build-deb: the packaged binary contains the test hooks; build it with -DAWS_SSO_TRAY_TEST_HOOKS=OFF." >&2
  exit 1
fi

lintian --fail-on error --display-info "$deb"
echo "$deb"
