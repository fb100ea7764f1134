"""The Windows installer's NSIS script, compiled by makensis here (the installer it makes holds this
platform's binary, so only the script is checked): shortcut, optional autostart and its removal."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

BUILD_DIR = Path(os.environ["BUILD_DIR"])
RUN_KEY = r"'Software\Microsoft\Windows\CurrentVersion\Run' 'AwsSsoTray'"


class NsisInstallerTest(unittest.TestCase):
    longMessage = False  # the sections are long: say what is missing, not the whole script
    @classmethod
    def setUpClass(cls):
        cls.output_dir = tempfile.mkdtemp(prefix="aws-sso-tray-nsis-")
        result = subprocess.run([os.environ["CPACK_COMMAND"], "-G", "NSIS", "--config",
                                 str(BUILD_DIR / "CPackConfig.cmake"), "-B", cls.output_dir],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise AssertionError(f"cpack -G NSIS failed (makensis rejected the script?):\n"
                                 f"{result.stdout}{result.stderr}")
        scripts = list(Path(cls.output_dir).glob("_CPack_Packages/*/NSIS/project.nsi"))
        if len(scripts) != 1 or not list(Path(cls.output_dir).glob("aws-sso-tray-*.exe")):
            raise AssertionError(f"cpack made no installer in {cls.output_dir}")
        cls.script = scripts[0].read_text(encoding="utf-8", errors="replace")
        cls.install_section, cls.uninstall_section = cls.script.split('Section "Uninstall"', 1)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.output_dir, ignore_errors=True)

    def test_start_menu_shortcut_made_and_removed(self):
        shortcut = r'"$SMPROGRAMS\$STARTMENU_FOLDER\AWS SSO Tray.lnk" "$INSTDIR\bin\aws-sso-tray.exe"'
        self.assertIn(f"CreateShortCut {shortcut}", self.install_section, "the installer makes no shortcut")
        self.assertIn(r'Delete "$SMPROGRAMS\$MUI_TEMP\AWS SSO Tray.lnk"', self.uninstall_section,
                      "the uninstaller leaves the shortcut")

    def test_autostart_only_when_the_user_says_yes(self):
        question = re.search(r"^MessageBox MB_YESNO\S* '[^']+' /SD IDNO IDNO \+2\n(.*)$", self.install_section,
                             re.MULTILINE)
        self.assertIsNotNone(question, "no yes/no question before the autostart entry")
        self.assertEqual(question.group(1), f"WriteRegStr HKCU {RUN_KEY} " + "'\"$INSTDIR\\bin\\aws-sso-tray.exe\"'")

    def test_uninstaller_removes_the_autostart_entry(self):
        self.assertIn(f"DeleteRegValue HKCU {RUN_KEY}", self.uninstall_section,
                      "the uninstaller leaves the autostart entry")

    def test_offers_to_put_the_command_line_on_the_path(self):
        # CPack's template shows its "add to PATH" page when CPACK_NSIS_MODIFY_PATH is ON.
        self.assertIn('StrCmp "ON" "ON" 0 noOptionsPage', self.script, "the installer has no PATH option page")
        self.assertIn("Call un.RemoveFromPath", self.uninstall_section, "the uninstaller leaves bin on PATH")


if __name__ == "__main__":
    unittest.main()
