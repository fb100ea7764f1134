"""The tray on a real desktop: Xvfb, the trayer tray host, a private session bus with gnome-keyring and
a notification server (with-desktop.sh). The real binary runs against the simulator; the test clicks
its icon with the X mouse and drives its menu with the keyboard, as a user would, and reads what the
menu says from the file the test build writes (AWS_SSO_TRAY_TEST_MENU_FILE)."""
import configparser
import hashlib
import json
import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from interop_support import APP, SimulatorHome  # noqa: E402

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "correct horse battery staple"
# Legacy profiles sign in with the device code and get no refresh token, so the tray warns before
# expiry instead of refreshing.
CONFIG = """\
# my team's accounts
[profile dev]
sso_start_url = {base}/start
sso_region = us-east-1
sso_account_id = 111111111111
sso_role_name = ReadOnly

[profile prod]
sso_start_url = {base}/start
sso_region = us-east-1
sso_account_id = 333333333333
sso_role_name = Billing
"""
# 15 min 8 s: with the default 15-minute lead, the warning comes about 8 s after a login.
SHORT_LIFETIME = 15 * 60 + 8


def wait_until(condition, timeout, message):
    """Polls condition until it is true; message may be a callable, to describe the state at the end."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(message() if callable(message) else message)


class TrayOnADesktop(SimulatorHome):
    sim_config = {"users": [{"username": "alice", "password": PASSWORD, "totpSecret": TOTP_SECRET,
                             "mfa": "totp", "accessTokenLifetimeSeconds": SHORT_LIFETIME}]}
    locale = None
    store_totp = True

    def setUp(self):
        for name in ("DISPLAY", "AWS_SSO_TRAY_TEST_TRAY_WINDOW", "AWS_SSO_TRAY_TEST_NOTIFICATIONS"):
            if not os.environ.get(name):
                self.skipTest("needs with-desktop.sh (%s is not set)" % name)
        super().setUp()
        self.write_config(CONFIG.format(base=self.base_url))
        for name in ("DBUS_SESSION_BUS_ADDRESS", "QTWEBENGINE_DISABLE_SANDBOX", "GNOME_KEYRING_CONTROL",
                     "XDG_RUNTIME_DIR", "DISPLAY"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.home, ".config")
        self.env["XDG_DATA_HOME"] = os.path.join(self.home, ".local", "share")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.home, ".cache")
        self.env["QT_QPA_PLATFORM"] = "xcb"
        self.menu_file = os.path.join(self.home, "menu.txt")
        self.env["AWS_SSO_TRAY_TEST_MENU_FILE"] = self.menu_file
        if self.locale:
            self.env["LANG"] = self.env["LC_ALL"] = self.locale
        self.notifications = os.environ["AWS_SSO_TRAY_TEST_NOTIFICATIONS"]
        self.seen_notifications = self.notification_count()
        secret = subprocess.run([APP, "secret", "set", "--profile", "dev", "--username", "alice"], env=self.env,
                                input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
        self.assertEqual(secret.returncode, 0, secret.stderr)
        if self.store_totp:
            totp = subprocess.run([APP, "secret", "set-totp", "--profile", "dev"], env=self.env,
                                  input=TOTP_SECRET + "\n", capture_output=True, text=True, timeout=60)
            self.assertEqual(totp.returncode, 0, totp.stderr)
        self.tray = None

    def tearDown(self):
        if self.tray and self.tray.poll() is None:
            self.tray.terminate()
            try:
                self.tray.wait(10)
            except subprocess.TimeoutExpired:
                self.tray.kill()
                self.tray.wait(5)
        if self.tray:
            self.tray.stderr.close()

    # --- the app -------------------------------------------------------------------------------------
    def start_tray(self):
        self.tray = subprocess.Popen([APP], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)
        return self.icon_window()

    def menu(self):
        wait_until(lambda: os.path.exists(self.menu_file), 20, "the tray never described its menu")
        with open(self.menu_file, encoding="utf-8") as f:
            return f.read().splitlines()

    def wait_for_menu_line(self, text, timeout=30):
        return wait_until(lambda: [line for line in self.menu() if text in line], timeout,
                          lambda: "no menu line with %r in:\n%s" % (text, "\n".join(self.menu())))

    def token(self):
        start_url = (self.base_url + "/start").encode()
        path = os.path.join(self.cache_dir, hashlib.sha1(start_url).hexdigest() + ".json")
        if not os.path.exists(path):
            return None
        with open(path) as f:
            return json.load(f)

    # --- the desktop ---------------------------------------------------------------------------------
    def icon_window(self):
        """The tray icon's X window, once trayer has embedded it."""
        tray = os.environ["AWS_SSO_TRAY_TEST_TRAY_WINDOW"]

        def embedded():
            tree = subprocess.run(["xwininfo", "-children", "-id", tray], capture_output=True, text=True).stdout
            children = [line.split()[0] for line in tree.splitlines() if line.strip().startswith("0x")]
            return children[0] if children else None

        return wait_until(embedded, 20, "the icon never appeared in the tray")

    def open_menu(self):
        window = self.icon_window()
        subprocess.run(["xdotool", "mousemove", "--window", window, "8", "8", "click", "1"], check=True)
        time.sleep(0.8)

    def press(self, *keys):
        for key in keys:
            subprocess.run(["xdotool", "key", key], check=True)
            time.sleep(0.15)

    def choose(self, text):
        """Opens the menu and picks the first enabled entry containing text, with arrow keys and Return."""
        enabled = [line for line in self.menu() if line and not line.startswith(" ") and line != "----"
                   and not line.endswith("(disabled)")]
        index = next(i for i, line in enumerate(enabled) if text in line)
        self.open_menu()
        self.press(*(["Down"] * (index + 1)), "Return")

    def screenshot(self, name):
        path = os.path.join(os.environ.get("AWS_SSO_TRAY_TEST_SCREENSHOTS", self.home), name)
        subprocess.run(["import", "-window", "root", path], check=True)
        return path

    def notification_count(self):
        if not os.path.exists(self.notifications):
            return 0
        with open(self.notifications) as f:
            return len(f.readlines())

    def new_notifications(self):
        if not os.path.exists(self.notifications):
            return []
        with open(self.notifications) as f:
            return [json.loads(line) for line in f.readlines()[self.seen_notifications:]]

    def wait_for_notification(self, summary_part, timeout=60):
        return wait_until(lambda: next((n for n in self.new_notifications() if summary_part in n["summary"]), None),
                          timeout, lambda: "no notification %r among %s" % (summary_part, self.new_notifications()))


class Tray(TrayOnADesktop):
    def test_icon_menu_login_warning_and_action(self):
        self.start_tray()
        header = self.wait_for_menu_line("127.0.0.1:")
        self.assertIn("not logged in", header[0])
        menu = self.menu()
        self.assertIn("dev  (111111111111 · ReadOnly)", menu)
        self.assertIn("prod  (333333333333 · Billing)", menu)
        self.assertIn("Log in to all", menu)
        self.assertIn("Quit", menu)
        self.screenshot("tray-not-logged-in.png")

        # A click on the profile logs its session in through the simulator's pages.
        self.choose("dev  (")
        wait_until(self.token, 90, "the click did not log in")
        logged_in = self.wait_for_notification("Logged in to http://127.0.0.1:")
        self.assertIn("Valid until", logged_in["body"])
        self.wait_for_menu_line("127.0.0.1:")
        credentials = self.botocore("credentials", "dev")
        self.assertTrue(credentials.get("accessKey", "").startswith("ASIA"), credentials)

        # 15 min 8 s of validity and a 15-minute lead: the warning comes within seconds, with its action.
        warning = self.wait_for_notification("expires in", timeout=40)
        self.assertIn("login", warning["actions"], warning)
        first_expiry = self.token()["expiresAt"]
        time.sleep(1.1)  # a new token has a later expiry to the second
        subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
                        "/test", "--method", "org.awsssotray.TestNotifications.InvokeAction", str(warning["id"]),
                        "login"], check=True, capture_output=True)
        wait_until(lambda: self.token() and self.token()["expiresAt"] != first_expiry, 90,
                   "the notification's action did not log in again")
        self.assertIsNone(self.tray.poll(), "the tray exited")

    def test_start_at_login_is_on_by_default_and_toggles(self):
        self.start_tray()
        self.wait_for_menu_line("Start at login")
        autostart_dir = os.path.join(self.env["XDG_CONFIG_HOME"], "autostart")
        entries = lambda: [f for f in os.listdir(autostart_dir)] if os.path.isdir(autostart_dir) else []
        wait_until(entries, 10, "no autostart entry after the first start")
        self.assertIn("[x] Start at login", self.menu())
        entry = configparser.ConfigParser(interpolation=None)
        entry.read(os.path.join(autostart_dir, entries()[0]))
        self.assertIn(os.path.basename(APP), entry["Desktop Entry"]["Exec"])

        self.choose("Start at login")
        wait_until(lambda: not entries(), 10, "unchecking did not remove the autostart entry")
        self.wait_for_menu_line("[ ] Start at login")
        self.choose("Start at login")
        wait_until(entries, 10, "checking did not write the autostart entry")

    def test_a_second_start_hands_over(self):
        self.start_tray()
        self.wait_for_menu_line("127.0.0.1:")
        second = subprocess.run([APP], env=self.env, capture_output=True, text=True, timeout=30)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn("already running", second.stderr)
        self.wait_for_notification("already running")
        self.assertIsNone(self.tray.poll(), "the first instance exited")

    def test_changes_outside_show_without_a_restart(self):
        self.start_tray()
        self.wait_for_menu_line("127.0.0.1:")
        with open(self.config_path, "a") as f:
            f.write("\n[profile added-later]\nsso_start_url = %s/start\nsso_region = us-east-1\n"
                    "sso_account_id = 222222222222\nsso_role_name = PowerUser\n" % self.base_url)
        self.wait_for_menu_line("added-later  (222222222222 · PowerUser)", timeout=5)
        # A token written by another tool (as `aws sso login` would) shows too.
        result = subprocess.run([APP, "login", "--profile", "dev"], env=dict(self.env, QT_QPA_PLATFORM="offscreen"),
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.wait_for_menu_line("127.0.0.1:", timeout=5)
        self.wait_for_menu_line("expires in", timeout=15)
        # ... and a logout by another tool.
        subprocess.run([APP, "logout", "--all"], env=self.env, capture_output=True, timeout=60, check=True)
        self.wait_for_menu_line("not logged in", timeout=5)
        # A broken config is reported; the last good menu stays.
        with open(self.config_path, "a") as f:
            f.write("\n[profile broken\n")
        self.wait_for_menu_line("Cannot read the AWS config", timeout=5)
        self.assertTrue([line for line in self.menu() if "dev  (" in line])


class TrayWithoutStoredTotp(TrayOnADesktop):
    """The password is stored, the TOTP secret is not: the login asks for the code in a dialog."""

    store_totp = False

    def test_the_mfa_code_is_asked_in_a_dialog(self):
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
        from test_cli_login import totp_now

        self.start_tray()
        self.wait_for_menu_line("127.0.0.1:")
        self.choose("dev  (")
        find = lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "MFA code"],
                                      capture_output=True, text=True).stdout.split()
        dialog = wait_until(find, 60, "no MFA code dialog appeared")[0]
        self.screenshot("mfa-dialog.png")
        # Typed at the keyboard into the focused dialog, as a user would.
        subprocess.run(["xdotool", "windowfocus", "--sync", dialog], check=True)
        subprocess.run(["xdotool", "type", "--delay", "60", totp_now()], check=True)
        self.press("Return")
        wait_until(self.token, 60, "the code typed in the dialog did not log in")
        self.wait_for_notification("Logged in to http://127.0.0.1:")


class TrayWithAutomaticRelogin(TrayOnADesktop):
    def test_a_session_logs_in_again_by_itself_before_it_expires(self):
        # "Log in again automatically" for this session, as the settings dialog stores it.
        session_id = "url:%s/start" % self.base_url
        key = hashlib.sha1(session_id.encode()).hexdigest()[:16]
        settings_dir = os.path.join(self.env["XDG_CONFIG_HOME"], "aws-sso-tray")
        os.makedirs(settings_dir, exist_ok=True)
        with open(os.path.join(settings_dir, "aws-sso-tray.ini"), "w") as f:
            f.write("[sessions]\n%s\\autoRelogin=true\n" % key)
        self.start_tray()
        self.wait_for_menu_line("127.0.0.1:")
        result = subprocess.run([APP, "login", "--profile", "dev"], env=dict(self.env, QT_QPA_PLATFORM="offscreen"),
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        first_expiry = self.token()["expiresAt"]
        # 15 min 8 s of validity: within seconds the tray signs in again, without a word to the user.
        wait_until(lambda: self.token()["expiresAt"] != first_expiry, 90, "no automatic login before expiry")
        self.wait_for_notification("Logged in to http://127.0.0.1:")
        self.assertFalse([n for n in self.new_notifications() if "expires in" in n["summary"]],
                         self.new_notifications())


class TrayRefreshesSilently(TrayOnADesktop):
    def test_a_session_with_a_refresh_token_is_refreshed_without_a_word(self):
        self.write_config("[sso-session team]\nsso_start_url = %s/start\nsso_region = us-east-1\n"
                          "sso_registration_scopes = sso:account:access\n\n[profile dev]\nsso_session = team\n"
                          "sso_account_id = 111111111111\nsso_role_name = ReadOnly\n" % self.base_url)
        self.start_tray()
        self.wait_for_menu_line("team · 127.0.0.1:")
        result = subprocess.run([APP, "login", "--profile", "dev"], env=dict(self.env, QT_QPA_PLATFORM="offscreen"),
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        path = os.path.join(self.cache_dir, hashlib.sha1(b"team").hexdigest() + ".json")
        with open(path) as f:
            first = json.load(f)
        self.assertIn("refreshToken", first)

        def refreshed():
            time.sleep(0.2)
            with open(path) as f:
                token = json.load(f)
            return token["accessToken"] != first["accessToken"] and token

        # 15 min 8 s left is inside the refresh window (warning time + 5 min): the tray refreshes at once.
        token = wait_until(refreshed, 30, "the tray did not refresh the session")
        self.assertGreaterEqual(token["expiresAt"], first["expiresAt"])
        self.wait_for_menu_line("team · 127.0.0.1:")
        time.sleep(2)
        self.assertFalse(self.new_notifications(), "a silent refresh notified the user")
        self.assertEqual(self.botocore("credentials", "dev").get("accessKey", "")[:4], "ASIA")


class TrayKeepsTheCredentialsFileFresh(TrayOnADesktop):
    def test_an_opted_in_profile_gets_its_section_after_a_login(self):
        with open(self.config_path) as f:
            config = f.read()
        self.write_config(config.replace("sso_role_name = ReadOnly\n",
                                         "sso_role_name = ReadOnly\naws_sso_tray_export = true\n"))
        credentials = self.env["AWS_SHARED_CREDENTIALS_FILE"]
        with open(credentials, "w") as f:
            f.write("# my own keys\n[legacy-user]\naws_access_key_id = AKIAEXAMPLE\n")
        self.start_tray()
        self.wait_for_menu_line("127.0.0.1:")
        self.choose("dev  (")
        wait_until(self.token, 90, "the click did not log in")

        def exported():
            with open(credentials) as f:
                text = f.read()
            return "[dev]" in text and "aws_session_token" in text and text

        text = wait_until(exported, 30, "the tray did not export the credentials of profile dev")
        self.assertTrue(text.startswith("# my own keys\n[legacy-user]\naws_access_key_id = AKIAEXAMPLE\n"), text)
        self.assertEqual(oct(os.stat(credentials).st_mode & 0o777), "0o600")


class GermanTray(TrayOnADesktop):
    locale = "de_DE.UTF-8"

    def test_the_menu_speaks_german(self):
        self.start_tray()
        self.wait_for_menu_line("nicht angemeldet")
        menu = self.menu()
        self.assertIn("Bei allen anmelden", menu)
        self.assertIn("Beenden", menu)
        self.open_menu()
        self.screenshot("tray-menu-de.png")
        self.press("Escape")


if __name__ == "__main__":
    unittest.main()
