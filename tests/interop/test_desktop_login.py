"""`aws-sso-tray login --desktop`, the way the tray starts a login: progress and outcome as JSON lines on
stdout, the token judged by botocore, and --unattended never waiting for a user."""
import json
import os
import unittest

from test_cli_login import PASSWORD, TOTP_SECRET, BrowserLoginHome


def events(stdout):
    parsed = []
    for line in stdout.splitlines():
        if line.startswith("{"):
            parsed.append(json.loads(line))
    return parsed


class DesktopLogin(BrowserLoginHome):
    sim_config = {"users": [
        {"username": "alice", "password": PASSWORD, "totpSecret": TOTP_SECRET, "mfa": "totp"},
        {"username": "mallory", "password": "not what is stored", "mfa": "none"},
        {"username": "bob", "password": PASSWORD, "mfa": "none", "identityProvider": "external"},
    ]}

    def setUp(self):
        super().setUp()
        # No display in this test: the desktop login's page stays invisible either way.
        self.env["QT_QPA_PLATFORM"] = "offscreen"

    def test_events_report_each_step_and_the_expiry(self):
        self.store("alice")
        result = self.run_app("login", "--profile", "dev", "--desktop")
        seen = events(result.stdout)
        steps = [event["text"] for event in seen if event["event"] == "progress"]
        for step in ("Entering the username", "Entering the password", "Entering the MFA code"):
            self.assertIn(step, steps)
        self.assertEqual(seen[-1]["event"], "done", seen)
        self.assertEqual(seen[-1]["expiresAt"], self.token()["expiresAt"])
        credentials = self.botocore("credentials", "dev")
        self.assertTrue(credentials.get("accessKey", "").startswith("ASIA"), credentials)
        for secret in (PASSWORD, TOTP_SECRET, self.token()["accessToken"]):
            self.assertNotIn(secret, result.stdout + result.stderr)
        # A second run has nothing to do, and says so as an event too.
        again = events(self.run_app("login", "--profile", "dev", "--desktop").stdout)
        self.assertEqual([event["event"] for event in again], ["done"])

    def test_a_failure_is_one_event_with_the_exit_code(self):
        self.store("mallory", totp=False)
        result = self.run_app("login", "--profile", "dev", "--desktop", check=False)
        self.assertEqual(result.returncode, 3, result.stderr)
        failed = [event for event in events(result.stdout) if event["event"] == "failed"]
        self.assertEqual(len(failed), 1, result.stdout)
        self.assertEqual(failed[0]["exitCode"], 3)
        self.assertIn("incorrect", failed[0]["message"])
        self.assertIsNone(self.token())

    def test_unattended_fails_instead_of_asking(self):
        # The external identity provider needs the user: unattended, that is exit 4 at once, no window.
        self.store("bob", totp=False)
        result = self.run_app("login", "--profile", "dev", "--desktop", "--unattended", check=False)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertNotIn("browserShown", result.stdout)
        self.assertIsNone(self.token())

    def test_unattended_without_a_totp_secret_does_not_wait_for_a_code(self):
        self.store("alice", totp=False)
        result = self.run_app("login", "--profile", "dev", "--desktop", "--unattended", "--timeout", "60",
                              check=False)
        self.assertIn(result.returncode, (3, 4), result.stderr)
        self.assertNotEqual(result.returncode, 6, "waited for a code nobody could type")
        self.assertIsNone(self.token())


if __name__ == "__main__":
    unittest.main()
