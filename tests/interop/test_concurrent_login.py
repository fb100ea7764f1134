"""Two logins of one session at once (the tray's login child and a terminal) run ONE sign-in.

The first takes the session's sign-in lock and signs in; the second waits, says so, and then finds
the first one's token. --timeout bounds the wait.
"""
import os
import re
import subprocess
import unittest

from interop_support import APP, SimulatorHome, wait_until

CONFIG = """\
[sso-session my-sso]
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
"""


class ConcurrentLogins(SimulatorHome):
    def start_login(self, *extra):
        process = subprocess.Popen([APP, "login", "--sso-session", "my-sso", "--no-browser", *extra], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(self.stop, process)
        return process

    @staticmethod
    def stop(process):
        if process.poll() is None:
            process.kill()
        process.communicate()

    def read_user_code(self, process):
        output = []
        while True:
            line = process.stdout.readline()
            if not line:
                self.fail("no verification URL in: " + "".join(output))
            output.append(line)
            match = re.search(r"user_code=([A-Z0-9-]+)", line)
            if match:
                return match.group(1)

    def lock_path(self):
        return [name for name in os.listdir(self.cache_dir) if name.endswith(".lock")]

    def test_second_login_waits_for_the_first_and_uses_its_token(self):
        self.write_config(CONFIG)
        first = self.start_login("--timeout", "60")
        user_code = self.read_user_code(first)
        # The first holds the lock while it waits for approval; the second must not start a sign-in.
        self.assertTrue(wait_until(lambda: os.path.isdir(self.cache_dir) and self.lock_path()))
        second = self.start_login("--timeout", "60")
        waiting = second.stderr.readline()
        self.assertIn("Waiting for another sign-in of my-sso...", waiting)
        self.sim_post("/_sim/approve", {"userCode": user_code})
        first_out, first_err = first.communicate(timeout=60)
        second_out, second_err = second.communicate(timeout=60)
        self.assertEqual(first.returncode, 0, first_err)
        self.assertEqual(second.returncode, 0, second_err)
        self.assertIn("Successfully logged into Start URL:", first_out)
        # The second printed no approval URL of its own: one sign-in, not two.
        self.assertNotIn("user_code=", second_out)
        self.assertIn("Already logged in to my-sso", second_err)
        state = self.sim_get_state()
        self.assertEqual(state["requests"]["/device_authorization"], 1, state)
        self.assertEqual(self.lock_path(), [], "the lock file is removed after the sign-in")

    def test_the_wait_is_bounded_by_the_timeout(self):
        self.write_config(CONFIG)
        first = self.start_login("--timeout", "60")
        self.read_user_code(first)
        result = self.run_app("login", "--sso-session", "my-sso", "--no-browser", "--timeout", "2", check=False)
        self.assertEqual(result.returncode, 6, result.stderr)
        self.assertIn("Waiting for another sign-in of my-sso...", result.stderr)
        self.assertIn("Another sign-in of my-sso is still running after 2 s", result.stderr)
        self.assertNotIn("user_code=", result.stdout)

    def test_a_lock_left_by_a_dead_login_is_taken_over(self):
        self.write_config(CONFIG)
        first = self.start_login("--timeout", "60")
        self.read_user_code(first)
        self.stop(first)
        self.assertTrue(self.lock_path(), "a killed login leaves its lock file behind")
        self.login("--sso-session", "my-sso")

    def sim_get_state(self):
        import json
        import urllib.request

        with urllib.request.urlopen(self.base_url + "/_sim/state", timeout=10) as response:
            return json.loads(response.read())


if __name__ == "__main__":
    unittest.main()
