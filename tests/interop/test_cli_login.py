"""`aws-sso-tray login` end to end, as a user runs it: secrets in the real keychain (this test runs in
a private gnome-keyring session), the invisible browser against the simulator's sign-in pages, and
botocore judging the token. Covers TOTP typed at a terminal, --stdin fed with `aws sso login
--no-browser`-shaped output, and the exit codes of the ways a sign-in stops."""
import base64
import fcntl
import hashlib
import hmac
import json
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
import unittest
import urllib.request

from interop_support import APP, SimulatorHome

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "correct horse battery staple"
CONFIG = """\
[sso-session my-sso]
sso_start_url = {base}/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = my-sso
sso_account_id = 111111111111
sso_role_name = ReadOnly
"""


def totp_now(secret=TOTP_SECRET, offset=0):
    key = base64.b32decode(secret)
    counter = int(time.time()) // 30 + offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    start = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[start:start + 4])[0] & 0x7FFFFFFF) % 1000000)


class BrowserLoginHome(SimulatorHome):
    """A HOME whose profile dev signs in through the simulator's pages, secrets in the test keyring."""

    def setUp(self):
        super().setUp()
        self.write_config(CONFIG.format(base=self.base_url))
        self.env["AWS_SSO_TRAY_DATA_DIR"] = os.path.join(self.home, "data")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.home, ".cache")
        for name in ("DBUS_SESSION_BUS_ADDRESS", "QTWEBENGINE_DISABLE_SANDBOX", "GNOME_KEYRING_CONTROL",
                     "XDG_RUNTIME_DIR"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        # Each test's secrets live under its own start URL, so tests never see each other's.

    def store(self, username, totp=True):
        self.run_app("secret", "set", "--profile", "dev", "--username", username, input_text=PASSWORD + "\n")
        if totp:
            self.run_app("secret", "set-totp", "--profile", "dev", input_text=TOTP_SECRET + "\n")

    def run_app(self, *args, timeout=120, check=True, input_text=None):
        result = subprocess.run([APP, *args], env=self.env, capture_output=True, text=True, timeout=timeout,
                                input=input_text if input_text is not None else "")
        if check and result.returncode != 0:
            self.fail(f"aws-sso-tray {' '.join(args)} exited {result.returncode}: {result.stderr}")
        return result

    def token(self):
        path = os.path.join(self.cache_dir, hashlib.sha1(b"my-sso").hexdigest() + ".json")
        if not os.path.exists(path):
            return None
        with open(path) as f:
            return json.load(f)


class LoginThroughTheBrowser(BrowserLoginHome):
    sim_config = {"users": [
        {"username": "alice", "password": PASSWORD, "totpSecret": TOTP_SECRET, "mfa": "totp"},
        {"username": "mallory", "password": "not what is stored", "totpSecret": TOTP_SECRET, "mfa": "totp"},
        {"username": "bob", "password": PASSWORD, "mfa": "none", "identityProvider": "external"},
        {"username": "locke", "password": PASSWORD, "totpSecret": TOTP_SECRET, "mfa": "totp", "locked": True},
    ]}

    def test_login_with_stored_secrets_and_totp(self):
        self.store("alice")
        result = self.run_app("login", "--profile", "dev")
        for step in ("Entering the username", "Entering the password", "Entering the MFA code", "Allowing access"):
            self.assertIn(step, result.stderr)
        self.assertIn("Logged in to my-sso; valid until", result.stderr)
        token = self.token()
        self.assertIsNotNone(token)
        self.assertIn("refreshToken", token)
        credentials = self.botocore("credentials", "dev")
        self.assertTrue(credentials.get("accessKey", "").startswith("ASIA"), credentials)
        # Nothing secret on the terminal.
        for secret in (PASSWORD, TOTP_SECRET, token["accessToken"], token["refreshToken"], token["clientSecret"]):
            self.assertNotIn(secret, result.stderr + result.stdout)
        again = self.run_app("login", "--profile", "dev")
        self.assertIn("Already logged in", again.stderr)

    def test_second_login_reuses_the_portal_session(self):
        self.store("alice")
        self.run_app("login", "--profile", "dev")
        second = self.run_app("login", "--profile", "dev", "--force")
        self.assertNotIn("Entering the password", second.stderr)
        self.assertIn("Logged in to my-sso", second.stderr)

    def test_wrong_password_exits_3_and_writes_nothing(self):
        self.store("mallory")
        result = self.run_app("login", "--profile", "dev", check=False)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("incorrect", result.stderr)
        self.assertIsNone(self.token())
        # The stored secret stays for the user to fix.
        shown = self.run_app("secret", "show", "--profile", "dev")
        self.assertIn("mallory", shown.stdout + shown.stderr)

    def test_locked_account_exits_3(self):
        self.store("locke")
        result = self.run_app("login", "--profile", "dev", check=False)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("locked", result.stderr)
        self.assertIsNone(self.token())

    def test_remembered_device_skips_mfa(self):
        self.store("alice")
        self.run_app("login", "--profile", "dev")
        # The portal session ends (as it does after hours); the browser still remembers this device.
        self.sim_post("/_sim/end-sessions", {})
        again = self.run_app("login", "--profile", "dev", "--force")
        self.assertIn("Entering the password", again.stderr)
        self.assertNotIn("Entering the MFA code", again.stderr)

    def test_unknown_page_exits_4_with_diagnostics(self):
        self.store("bob", totp=False)
        result = self.run_app("login", "--profile", "dev", check=False)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertIn("--show-browser", result.stderr)
        saved = re.findall(r"(/\S+\.(?:html|png))", result.stderr)
        self.assertEqual(len(saved), 2, result.stderr)
        for path in saved:
            self.assertTrue(os.path.getsize(path.rstrip(".")) > 0)
            self.assertEqual(os.stat(path.rstrip(".")).st_mode & 0o777, 0o600)

    def test_no_stored_secrets_is_user_action(self):
        result = self.run_app("login", "--profile", "dev", check=False)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertIn("secret set", result.stderr)

    def test_totp_typed_at_the_terminal_while_stdin_is_a_pipe(self):
        self.store("alice", totp=False)
        master, slave = os.openpty()

        def become_terminal_session():
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        process = subprocess.Popen([APP, "login", "--profile", "dev"], env=self.env, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=become_terminal_session,
                                   pass_fds=(slave,), text=True)
        os.close(slave)
        seen = b""
        deadline = time.monotonic() + 60
        while b"MFA code" not in seen and time.monotonic() < deadline and process.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                seen += os.read(master, 1024)
        self.assertIn(b"MFA code", seen)
        os.write(master, (totp_now() + "\n").encode())
        stdout, stderr = process.communicate(timeout=60)
        os.close(master)
        self.assertEqual(process.returncode, 0, stderr)
        self.assertIsNotNone(self.token())

    def test_stdin_completes_an_aws_cli_device_sign_in(self):
        self.store("alice")
        fake_cli = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_aws_sso_login.py")
        aws = subprocess.Popen([sys.executable, fake_cli, self.base_url, "https://my-sso.example/start"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        tray = subprocess.Popen([APP, "login", "--stdin", "--profile", "dev"], stdin=aws.stdout,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env, text=True)
        aws.stdout.close()
        _, tray_err = tray.communicate(timeout=120)
        aws_out, aws_err = aws.communicate(timeout=60)
        self.assertEqual(tray.returncode, 0, tray_err)
        self.assertEqual(aws.returncode, 0, aws_err)
        self.assertIn(b"Successfully logged into Start URL", aws_err)


class LoginMatrix(BrowserLoginHome):
    """Both OIDC flows x both page generations (and a mix) x every MFA kind, each from a new browser
    profile, plus the page variants the driver has never seen."""
    sim_config = {"users": [
        {"username": "totp-user", "password": PASSWORD, "totpSecret": TOTP_SECRET, "mfa": "totp"},
        {"username": "key-user", "password": PASSWORD, "mfa": "securityKey"},
        {"username": "plain-user", "password": PASSWORD, "mfa": "none"},
    ]}

    def set_pages(self, **settings):
        request = urllib.request.Request(self.base_url + "/_sim/pages", data=json.dumps(settings).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(request, timeout=10).read()

    def login_as(self, user, case, *extra):
        """A login from a browser profile of its own (no portal cookie, no remembered device)."""
        self.store(user, totp=(user == "totp-user"))
        self.env["AWS_SSO_TRAY_DATA_DIR"] = os.path.join(self.home, "data-" + case)
        return self.run_app("login", "--profile", "dev", "--force", *extra, check=False)

    def test_every_flow_generation_and_mfa(self):
        self.env["AWS_SSO_TRAY_TEST_PAGE_SCRIPT"] = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                 "security_key_stub.js")
        for generation in ("classic", "cloudscape", "mixed"):
            self.set_pages(generation=generation)
            for flow in ((), ("--device-code",)):
                for user in ("totp-user", "key-user", "plain-user"):
                    with self.subTest(generation=generation, flow=flow or "pkce", user=user):
                        result = self.login_as(user, f"{generation}-{user}-{len(flow)}", *flow)
                        self.assertEqual(result.returncode, 0, result.stderr)
                        self.assertEqual("Entering the MFA code" in result.stderr, user == "totp-user")
                        self.assertEqual("Touch your security key" in result.stderr, user == "key-user")
                        self.assertIn("refreshToken", self.token())

    def test_page_variants_never_seen(self):
        for generation in ("classic", "cloudscape"):
            self.set_pages(generation=generation, variant="alternate")
            with self.subTest(generation=generation):
                result = self.login_as("totp-user", "alternate-" + generation)
                self.assertEqual(result.returncode, 0, result.stderr)

    def test_phishing_origin_gets_nothing(self):
        self.set_pages(phishingOrigin=True)
        result = self.login_as("plain-user", "phishing")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("nothing was typed", result.stderr)
        with urllib.request.urlopen(self.base_url + "/_sim/state", timeout=10) as response:
            phishing = json.loads(response.read())["phishing"]
        self.assertEqual(phishing.get("inputEvents", 0), 0, phishing)
        self.assertEqual(phishing.get("submissions", 0), 0, phishing)
        self.assertIsNone(self.token())

    def test_redirect_with_a_wrong_state_is_rejected(self):
        self.set_pages(wrongState=True)
        result = self.login_as("plain-user", "wrong-state")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("state", result.stderr)
        self.assertIsNone(self.token())


if __name__ == "__main__":
    unittest.main()
