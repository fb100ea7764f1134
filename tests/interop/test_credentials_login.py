"""credentials --profile X --login: signs in through the invisible browser when no silent path is left;
stdout stays pure credential_process JSON."""
import json
import unittest

from test_cli_login import BrowserLoginHome, PASSWORD, TOTP_SECRET


class CredentialsWithLogin(BrowserLoginHome):
    sim_config = {"users": [
        {"username": "alice", "password": PASSWORD, "totpSecret": TOTP_SECRET, "mfa": "totp"},
        {"username": "mallory", "password": "not what is stored", "totpSecret": TOTP_SECRET, "mfa": "totp"},
    ]}

    def test_login_then_credentials_on_stdout_only(self):
        self.store("alice")
        without = self.run_app("credentials", "--profile", "dev", check=False)
        self.assertEqual(without.returncode, 4, without.stderr)
        self.assertIsNone(self.token())

        result = self.run_app("credentials", "--profile", "dev", "--login")
        credentials = json.loads(result.stdout)
        self.assertEqual(list(credentials), ["Version", "AccessKeyId", "SecretAccessKey", "SessionToken",
                                             "Expiration"])
        self.assertTrue(credentials["AccessKeyId"].startswith("ASIA"))
        self.assertIn("Entering the password", result.stderr)
        self.assertIsNotNone(self.token())
        verdict = self.sim_post("/_sim/check-credentials", {
            "accessKeyId": credentials["AccessKeyId"], "secretAccessKey": credentials["SecretAccessKey"],
            "sessionToken": credentials["SessionToken"]})
        self.assertEqual((verdict["valid"], verdict["roleName"]), (True, "ReadOnly"))

        # Logged in now: no second sign-in.
        again = self.run_app("credentials", "--profile", "dev", "--login")
        self.assertNotIn("Entering", again.stderr)
        json.loads(again.stdout)

    def test_a_refused_sign_in_keeps_its_exit_code_and_stdout_empty(self):
        self.store("mallory")
        result = self.run_app("credentials", "--profile", "dev", "--login", check=False)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn("did not succeed", result.stderr)
        self.assertIsNone(self.token())


if __name__ == "__main__":
    unittest.main()
