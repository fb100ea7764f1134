"""The macOS property lists: the bundle's Info.plist (as CMake configures it) and the LaunchAgent."""
import os
import plistlib
import unittest
from pathlib import Path

BUILD_DIR = Path(os.environ["BUILD_DIR"])
SOURCE_DIR = Path(os.environ["SOURCE_DIR"])
APP_ID = os.environ["APP_ID"]
VERSION = os.environ["PROJECT_VERSION"]


def load(path):
    with open(path, "rb") as file:
        return plistlib.load(file, fmt=plistlib.FMT_XML)


class InfoPlistTest(unittest.TestCase):
    def setUp(self):
        self.info = load(BUILD_DIR / "packaging" / "Info.plist")

    def test_identifies_the_bundle(self):
        self.assertEqual(self.info["CFBundleIdentifier"], APP_ID)
        self.assertEqual(self.info["CFBundleExecutable"], "aws-sso-tray")
        self.assertEqual(self.info["CFBundlePackageType"], "APPL")
        self.assertEqual(self.info["CFBundleShortVersionString"], VERSION)
        self.assertEqual(self.info["CFBundleVersion"], VERSION)
        self.assertTrue(self.info["CFBundleName"])
        self.assertIn("aws-sso-tray developers", self.info["NSHumanReadableCopyright"])

    def test_is_a_menu_bar_app_without_dock_icon(self):
        self.assertIs(self.info["LSUIElement"], True)

    def test_every_template_variable_was_filled(self):
        for key, value in self.info.items():
            if isinstance(value, str):
                self.assertNotIn("${", value, key)
                self.assertNotEqual(value, "", key)


class LaunchAgentTest(unittest.TestCase):
    def setUp(self):
        self.agent = load(SOURCE_DIR / "packaging" / "macos" / f"{APP_ID}.plist")

    def test_starts_the_app_at_login_in_the_gui_session(self):
        self.assertEqual(self.agent["Label"], APP_ID)
        program = self.agent["ProgramArguments"][0]
        self.assertTrue(program.endswith(".app/Contents/MacOS/aws-sso-tray"), program)
        self.assertIs(self.agent["RunAtLoad"], True)
        self.assertEqual(self.agent["ProcessType"], "Interactive")
        self.assertEqual(self.agent["LimitLoadToSessionType"], "Aqua")

    def test_does_not_restart_a_tray_the_user_quit(self):
        self.assertNotIn("KeepAlive", self.agent)


if __name__ == "__main__":
    unittest.main()
