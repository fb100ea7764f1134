"""credential_process = aws-sso-tray credentials --profile X, as botocore runs it."""
import json
import re
import unittest

from interop_support import APP, SimulatorHome


class CredentialProcess(SimulatorHome):
    def write_configs(self):
        self.write_config(f"""\
[sso-session my-sso]
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = my-sso
sso_account_id = 111111111111
sso_role_name = ReadOnly

[profile via-process]
credential_process = {APP} credentials --profile dev
""")

    def test_botocore_gets_the_simulators_role_credentials(self):
        self.write_configs()
        self.login("--profile", "dev")
        direct = json.loads(self.run_app("credentials", "--profile", "dev").stdout)
        self.assertEqual(list(direct), ["Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"])
        self.assertEqual(direct["Version"], 1)
        self.assertRegex(direct["Expiration"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        credentials = self.botocore("credentials", "via-process")
        self.assertEqual(credentials.get("method"), "custom-process", credentials)
        self.assertTrue(credentials["accessKey"].startswith("ASIA"))
        self.assertTrue(credentials["hasToken"])

    def test_not_logged_in_fails_with_a_clear_message_and_exit_4(self):
        self.write_configs()
        result = self.run_app("credentials", "--profile", "dev", check=False)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn("my-sso", result.stderr)
        self.assertIn("aws-sso-tray login", result.stderr)
        # botocore shows the process's stderr to the user.
        failure = self.botocore("credentials", "via-process")
        self.assertEqual(failure.get("error"), "CredentialRetrievalError", failure)
        self.assertIn("not logged in", failure["message"])

    def test_unknown_profile_is_a_config_error(self):
        self.write_configs()
        result = self.run_app("credentials", "--profile", "nope", check=False)
        self.assertEqual(result.returncode, 2)
        self.assertTrue(re.search(r"nope", result.stderr), result.stderr)


if __name__ == "__main__":
    unittest.main()
