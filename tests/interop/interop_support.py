"""Shared fixtures for the interop tests: the app binary, its simulator, and a throwaway HOME.

Every test runs the real aws-sso-tray binary (path in $AWS_SSO_TRAY) and judges its files with the
real botocore installed on the machine.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.request

APP = os.environ.get("AWS_SSO_TRAY", "aws-sso-tray")

# The config many tests start from: session my-sso and profile dev (ReadOnly in 111111111111).
MY_SSO_DEV_CONFIG = """\
[sso-session my-sso]
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = my-sso
sso_account_id = 111111111111
sso_role_name = ReadOnly
"""


class SimulatorHome(unittest.TestCase):
    """A fresh HOME with an AWS config, and a running simulator the config points at."""

    sim_config = None  # dict written as the simulator's --config, or None for its defaults

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="aws-sso-tray-interop-")
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        os.makedirs(os.path.join(self.home, ".aws"), mode=0o700)
        self.config_path = os.path.join(self.home, ".aws", "config")
        self.cache_dir = os.path.join(self.home, ".aws", "sso", "cache")
        self.sim = self._start_simulator()
        self.env = {
            "HOME": self.home,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LC_ALL": "C.UTF-8",
            "AWS_CONFIG_FILE": self.config_path,
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(self.home, ".aws", "credentials"),
            "AWS_ENDPOINT_URL_SSO_OIDC": self.base_url,
            "AWS_ENDPOINT_URL_SSO": self.base_url,
            "AWS_EC2_METADATA_DISABLED": "true",
        }
        # A sanitizer build (tests/run-hardening.sh) reads its options and suppressions from these.
        for name in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
            if name in os.environ:
                self.env[name] = os.environ[name]

    def _start_simulator(self):
        args = [APP, "sim", "--listen", "127.0.0.1:0"]
        if self.sim_config is not None:
            path = os.path.join(self.home, "sim.json")
            with open(path, "w") as f:
                json.dump(self.sim_config, f)
            args += ["--config", path]
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(process.stdout.close)
        self.addCleanup(process.wait, 10)
        self.addCleanup(process.terminate)
        exports = {}
        while len(exports) < 2:
            line = process.stdout.readline()
            if not line:
                self.fail("simulator exited early with code %s" % process.wait())
            match = re.match(r"export (\w+)=(\S+)", line)
            if match:
                exports[match.group(1)] = match.group(2)
        self.assertEqual(exports["AWS_ENDPOINT_URL_SSO_OIDC"], exports["AWS_ENDPOINT_URL_SSO"])
        self.base_url = exports["AWS_ENDPOINT_URL_SSO"]
        self.assertTrue(self.base_url.startswith("http://127.0.0.1:"), self.base_url)
        return process

    def write_config(self, text):
        with open(self.config_path, "w") as f:
            f.write(text)

    def sim_post(self, path, body):
        request = urllib.request.Request(self.base_url + path, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"{}")

    def run_app(self, *args, timeout=60, check=True):
        result = subprocess.run([APP, *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            self.fail(f"aws-sso-tray {' '.join(args)} exited {result.returncode}: {result.stderr}")
        return result

    def login(self, *selector):
        """Runs `aws-sso-tray login ... --no-browser` and approves it through the simulator."""
        process = subprocess.Popen([APP, "login", *selector, "--no-browser", "--timeout", "60"], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        user_code = None
        output = []
        while user_code is None:
            line = process.stdout.readline()
            if not line:
                break
            output.append(line)
            match = re.search(r"user_code=([A-Z0-9-]+)", line)
            if match:
                user_code = match.group(1)
        if user_code is None:
            process.kill()
            self.fail("no verification URL in: " + "".join(output) + process.communicate()[1])
        self.sim_post("/_sim/approve", {"userCode": user_code})
        stdout, stderr = process.communicate(timeout=60)
        self.assertEqual(process.returncode, 0, stderr)
        self.assertIn("Successfully logged into Start URL:", stdout)
        return stderr

    def cache_file(self, key):
        with open(os.path.join(self.cache_dir, key + ".json")) as f:
            return f.read()

    def botocore(self, what, profile):
        """What the real botocore, run as a user would run it with this HOME, makes of the cache."""
        import sys

        probe = os.path.join(os.path.dirname(os.path.abspath(__file__)), "botocore_probe.py")
        result = subprocess.run([sys.executable, probe, what, profile], env=self.env, capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)


def wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def process_tree(root_pid):
    """The pids of root_pid and all its descendants, from /proc (Linux)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    tree, stack = [], [root_pid]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(children.get(pid, []))
    return tree
