# Packages, made with `cpack` in a build directory (packaging/build-deb.sh does the whole Debian build):
# a .deb on Linux, a drag-and-drop .dmg on macOS, an NSIS installer on Windows. Build them from a
# Release build without the test hooks and the tests:
#   -DCMAKE_BUILD_TYPE=Release -DAWS_SSO_TRAY_TEST_HOOKS=OFF -DAWS_SSO_TRAY_BUILD_TESTS=OFF
if(AWS_SSO_TRAY_TEST_HOOKS)
  message(STATUS "AWS_SSO_TRAY_TEST_HOOKS is ON: this build is for the tests, do not ship its packages")
endif()

set(CPACK_PACKAGE_NAME aws-sso-tray)
set(CPACK_PACKAGE_VENDOR "The aws-sso-tray developers")
set(CPACK_PACKAGE_CONTACT "The aws-sso-tray developers <aws-sso-tray@example.org>")
# Placeholder until the project has a public home (example.org is reserved for examples, RFC 2606).
set(CPACK_PACKAGE_HOMEPAGE_URL "https://example.org/aws-sso-tray")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "stay logged in to AWS IAM Identity Center from the desktop")
# The extended description of the .deb: lines of at most 79 characters (lintian).
set(CPACK_PACKAGE_DESCRIPTION
    "A system-tray application and command line that signs in to AWS IAM
Identity Center (AWS SSO) without switching to a browser: it fills in the
sign-in pages itself, with the password and one-time-code secret kept in the
system keyring, and writes the token to ~/.aws/sso/cache exactly as
`aws sso login` does, so the AWS CLI and every SDK just work. Tokens are
refreshed silently where the service allows it.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_LIST_DIR}/copyright)
set(CPACK_STRIP_FILES ON)
# Values reach the generators as written (NSIS registry paths keep their backslashes).
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

if(UNIX AND NOT APPLE)
  set(CPACK_GENERATOR DEB)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION utils)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  # Library dependencies come from dpkg-shlibdeps; these are the ones it cannot see.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # QtKeychain loads libsecret with dlopen to reach the Secret Service; the SVG plugins draw the
  # icons; the keyring daemon itself is the desktop's choice (GNOME Keyring, KeePassXC, ...).
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6svg6")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc, qt6-wayland")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "awscli")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
  set(CPACK_DMG_VOLUME_NAME "AWS SSO Tray")
elseif(WIN32)
  set(CPACK_GENERATOR NSIS)
endif()

# The NSIS installer (Windows). Set on every platform, as only the NSIS generator reads them: the
# packaging test builds an installer with makensis on Linux to check the script compiles.
set(CPACK_PACKAGE_INSTALL_DIRECTORY "AWS SSO Tray")
set(CPACK_NSIS_DISPLAY_NAME "AWS SSO Tray")
set(CPACK_NSIS_PACKAGE_NAME "AWS SSO Tray")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\aws-sso-tray.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# A Start menu shortcut (removed by the uninstaller), and "run now" on the last page.
set(CPACK_PACKAGE_EXECUTABLES aws-sso-tray "AWS SSO Tray")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN aws-sso-tray.exe)
# Offer to put bin on PATH, for the command line and credential_process.
set(CPACK_NSIS_MODIFY_PATH ON)
# Start at sign-in, if the user says so (no in silent installs): the current user's Run key, under
# the value name the app's own "start at login" setting uses. The uninstaller removes it.
set(windows_run_key "Software\\Microsoft\\Windows\\CurrentVersion\\Run")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "MessageBox MB_YESNO|MB_ICONQUESTION 'Start AWS SSO Tray when you sign in to Windows?' /SD IDNO IDNO +2
WriteRegStr HKCU '${windows_run_key}' 'AwsSsoTray' '\"$INSTDIR\\bin\\aws-sso-tray.exe\"'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "DeleteRegValue HKCU '${windows_run_key}' 'AwsSsoTray'")

include(CPack)
