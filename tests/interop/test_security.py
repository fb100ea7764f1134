"""Security checks as tests, on the real binary signing in through the simulator's pages:
no secret on any command line (ours or Chromium's helpers), in the environment of the helpers, in
the output (also with every log switched on) or in what a crashing login prints; private file and
directory modes; and no DevTools endpoint even when the environment asks for one."""
import glob
import http.server
import hashlib
import os
import signal
import socket
import ssl
import stat
import subprocess
import threading
import time
import unittest

from interop_support import APP, process_tree
from test_cli_login import PASSWORD, TOTP_SECRET, BrowserLoginHome

DEBUG_PORTS = (9222, 9229)


def read_proc(pid, name):
    try:
        with open(f"/proc/{pid}/{name}", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def port_listens(port):
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class SecretsStayPrivate(BrowserLoginHome):
    sim_config = {"users": [{"username": "alice", "password": PASSWORD, "totpSecret": TOTP_SECRET, "mfa": "totp"}]}

    def watch_login(self, *extra_env):
        """Runs a browser login, sampling every process of its tree while it runs."""
        env = dict(self.env, AWS_SSO_TRAY_DEBUG="1", QT_LOGGING_RULES="*.debug=true",
                   QTWEBENGINE_REMOTE_DEBUGGING=str(DEBUG_PORTS[0]),
                   QTWEBENGINE_CHROMIUM_FLAGS=f"--remote-debugging-port={DEBUG_PORTS[1]}")
        process = subprocess.Popen([APP, "login", "--profile", "dev", "--force"], env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = {}
        listening = set()
        while process.poll() is None:
            for pid in process_tree(process.pid):
                cmdline = read_proc(pid, "cmdline")
                if cmdline:
                    seen[pid] = (cmdline, read_proc(pid, "environ") if pid != process.pid else "")
            if any(" --type=" in cmdline for cmdline, _ in seen.values()):
                listening.update(port for port in DEBUG_PORTS if port_listens(port))
            time.sleep(0.02)
        stdout, stderr = process.communicate(timeout=60)
        return process.returncode, stdout, stderr, seen, listening

    def secrets(self):
        token = self.token()
        registration = [p for p in glob.glob(os.path.join(self.cache_dir, "*.json"))
                        if os.path.basename(p) != hashlib.sha1(b"my-sso").hexdigest() + ".json"]
        values = [PASSWORD, TOTP_SECRET, token["accessToken"], token["refreshToken"], token["clientSecret"]]
        self.assertTrue(registration, "a client registration was cached")
        return values

    def test_no_secret_on_command_lines_helpers_environment_or_output(self):
        self.store("alice")
        code, stdout, stderr, seen, listening = self.watch_login()
        self.assertEqual(code, 0, stderr)
        helpers = [cmdline for cmdline, _ in seen.values() if "QtWebEngineProcess" in cmdline]
        self.assertTrue(helpers, "the sampling saw Chromium's helper processes: " + repr(list(seen.values())))
        for secret in self.secrets():
            self.assertNotIn(secret, stdout + stderr, "a secret on the terminal, even with every log on")
            for pid, (cmdline, environ) in seen.items():
                self.assertNotIn(secret, cmdline, f"a secret on the command line of {pid}")
                self.assertNotIn(secret, environ, f"a secret in the environment of {pid}")
        # Remote debugging stays off whatever the environment says: no flag reaches Chromium, no port listens.
        for cmdline, _ in seen.values():
            self.assertNotIn("--remote-debugging", cmdline)
        self.assertEqual(listening, set(), "a DevTools port listened during the sign-in")
        self.assertIn("Logged in to my-sso", stderr)

    def test_cache_and_browser_profile_are_private(self):
        self.store("alice")
        self.run_app("login", "--profile", "dev")
        self.assertEqual(stat.S_IMODE(os.stat(self.cache_dir).st_mode), 0o700)
        files = glob.glob(os.path.join(self.cache_dir, "*"))
        self.assertGreaterEqual(len(files), 2, files)  # the token and the client registration
        for path in files:
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600, path)
        browser = os.path.join(self.env["AWS_SSO_TRAY_DATA_DIR"], "browser")
        self.assertEqual(stat.S_IMODE(os.stat(browser).st_mode), 0o700)
        for entry in os.listdir(browser):  # one profile per start URL, each private too
            path = os.path.join(browser, entry)
            if os.path.isdir(path):
                self.assertEqual(stat.S_IMODE(os.stat(path).st_mode) & 0o077, 0, path)

    def test_a_crashing_login_prints_no_secret(self):
        self.store("alice")
        process = subprocess.Popen([APP, "login", "--profile", "dev", "--force"], env=self.env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Crash it in the middle of the sign-in, once the password has been typed.
        output = ""
        while "Entering the MFA code" not in output and process.poll() is None:
            output += process.stderr.readline()
        process.send_signal(signal.SIGSEGV)
        stdout, stderr = process.communicate(timeout=60)
        self.assertNotEqual(process.returncode, 0)
        for secret in (PASSWORD, TOTP_SECRET):
            self.assertNotIn(secret, output + stdout + stderr)

    def test_a_frozen_keychain_during_login_is_a_warning_then_a_clear_stop(self):
        """A keychain that never answers (its daemon stopped) bounds the login; nothing else is used instead."""
        self.store("alice")
        keyring = int(os.environ["AWS_SSO_TRAY_TEST_KEYRING_PID"])
        os.kill(keyring, signal.SIGSTOP)
        try:
            started = time.monotonic()
            result = self.run_app("login", "--profile", "dev", "--force", "--timeout", "60", check=False)
            elapsed = time.monotonic() - started
        finally:
            os.kill(keyring, signal.SIGCONT)
        self.assertIn("did not answer within", result.stderr)
        # No password from anywhere else: the portal's username page is handed to the user (exit 4).
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertIn("secret set", result.stderr)
        self.assertLess(elapsed, 45, result.stderr)
        self.assertIsNone(self.token())


class UntrustedCertificateInTheBrowser(BrowserLoginHome):
    sim_config = {"users": [{"username": "alice", "password": PASSWORD, "mfa": "none"}]}

    def test_a_sign_in_page_with_an_untrusted_certificate_is_never_loaded(self):
        """`login --stdin` handed an https sign-in URL whose server has a self-signed certificate:
        the browser rejects the certificate, no page request reaches the server, nothing is typed."""
        self.store("alice", totp=False)
        data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "tls")
        requests = []

        class Page(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                requests.append(self.path)
                body = b"<form method=post><input name=username><input type=password name=p></form>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(data, "self-signed-127.0.0.1.pem"),
                                os.path.join(data, "self-signed-127.0.0.1.key"))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        url = f"https://127.0.0.1:{server.server_address[1]}/?user_code=ABCD-EFGH"
        result = self.run_app("login", "--stdin", "--profile", "dev", "--timeout", "60", check=False,
                              input_text=f"Then visit:\n{url}\n")
        self.assertEqual(result.returncode, 5, result.stderr)
        self.assertIn("certificate of https://127.0.0.1", result.stderr)
        self.assertIn("was rejected", result.stderr)
        self.assertEqual(requests, [], "the page was requested over a connection with a rejected certificate")
        self.assertNotIn(PASSWORD, result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main()
