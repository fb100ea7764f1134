"""aws-sso-tray export-credentials: role credentials in the shared credentials file, judged by botocore."""
import json
import os
import stat
import subprocess
import sys
import unittest

from interop_support import MY_SSO_DEV_CONFIG, SimulatorHome

CONFIG = MY_SSO_DEV_CONFIG + """\
{option}
[profile plain]
sso_session = my-sso
sso_account_id = 222222222222
sso_role_name = PowerUser
"""

HAND_WRITTEN = """\
# Static keys for an old tool; every byte must survive.
[static]
aws_access_key_id = AKIAEXAMPLEEXAMPLE00
aws_secret_access_key=notreallyasecret

; trailing comment
"""

# Reads only the credentials file: the config it is shown is empty.
CREDENTIALS_ONLY = """
import json, sys
import boto3
session = boto3.Session(profile_name=sys.argv[1])
credentials = session.get_credentials()
frozen = credentials.get_frozen_credentials()
print(json.dumps({"method": credentials.method, "accessKeyId": frozen.access_key,
                  "secretAccessKey": frozen.secret_key, "sessionToken": frozen.token}))
"""


class ExportCredentials(SimulatorHome):
    def setUp(self):
        super().setUp()
        self.credentials_path = self.env["AWS_SHARED_CREDENTIALS_FILE"]
        with open(self.credentials_path, "w") as f:
            f.write(HAND_WRITTEN)
        self.write_config(CONFIG.format(option="aws_sso_tray_export = true\n"))

    def credentials_text(self):
        with open(self.credentials_path) as f:
            return f.read()

    def boto3_from_credentials_file(self, profile):
        empty_config = os.path.join(self.home, "empty-config")
        open(empty_config, "w").close()
        env = dict(self.env, AWS_CONFIG_FILE=empty_config)
        result = subprocess.run([sys.executable, "-c", CREDENTIALS_ONLY, profile], env=env, capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def assert_issued_by_simulator(self, credentials, account, role):
        verdict = self.sim_post("/_sim/check-credentials", {k: credentials[k] for k in
                                                            ("accessKeyId", "secretAccessKey", "sessionToken")})
        self.assertTrue(verdict["valid"], verdict)
        self.assertEqual((verdict["accountId"], verdict["roleName"]), (account, role))

    def export(self, *args, check=True):
        result = self.run_app("export-credentials", *args, check=check)
        # What it prints never holds a secret.
        if os.path.exists(self.credentials_path):
            for line in self.credentials_text().splitlines():
                if line.startswith(("aws_secret_access_key = ", "aws_session_token = ")):
                    secret = line.split(" = ", 1)[1]
                    self.assertNotIn(secret, result.stdout + result.stderr)
        return result

    def test_botocore_ignores_the_option_in_the_config(self):
        self.login("--profile", "dev")
        credentials = self.botocore("credentials", "dev")
        self.assertEqual(credentials.get("method"), "sso", credentials)

    def test_export_botocore_reads_it_and_the_rest_survives(self):
        self.login("--profile", "dev")
        result = self.export()
        self.assertRegex(result.stdout, r"wrote dev \(expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)")
        self.assertIn("Next refresh due at ", result.stdout)
        text = self.credentials_text()
        self.assertTrue(text.startswith(HAND_WRITTEN + "\n[dev]\n# managed by aws-sso-tray"), text)
        self.assertNotIn("[plain]", text)
        self.assertEqual(stat.S_IMODE(os.stat(self.credentials_path).st_mode), 0o600)

        credentials = self.boto3_from_credentials_file("dev")
        self.assertEqual(credentials["method"], "shared-credentials-file")
        self.assert_issued_by_simulator(credentials, "111111111111", "ReadOnly")
        # The hand-written profile still reads as before.
        self.assertEqual(self.boto3_from_credentials_file("static")["accessKeyId"], "AKIAEXAMPLEEXAMPLE00")

        # Still fresh: kept, not a byte changed.
        again = self.export()
        self.assertIn("kept dev", again.stdout)
        self.assertEqual(self.credentials_text(), text)

        # The option removed: the section goes, the file is what the user wrote.
        self.write_config(CONFIG.format(option=""))
        removed = self.export()
        self.assertIn("removed dev", removed.stdout)
        self.assertEqual(self.credentials_text(), HAND_WRITTEN)

    def test_not_logged_in_is_exit_4_and_nothing_changes(self):
        result = self.export(check=False)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertIn("aws-sso-tray login", result.stderr)
        self.assertEqual(self.credentials_text(), HAND_WRITTEN)

    def test_a_profile_without_the_option_is_refused(self):
        result = self.export("--profile", "plain", check=False)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("aws_sso_tray_export = true", result.stderr)


class ExportShortLivedCredentials(SimulatorHome):
    """Credentials that live less than the refresh margin are renewed on every sync."""

    sim_config = {"roleCredentialLifetimeSeconds": 300}

    def test_refreshed_before_expiry(self):
        with open(self.env["AWS_SHARED_CREDENTIALS_FILE"], "w") as f:
            f.write(HAND_WRITTEN)
        self.write_config(CONFIG.format(option="aws_sso_tray_export = true\n"))
        self.login("--profile", "dev")
        first = self.run_app("export-credentials")
        self.assertIn("wrote dev", first.stdout)
        with open(self.env["AWS_SHARED_CREDENTIALS_FILE"]) as f:
            before = f.read()
        second = self.run_app("export-credentials")
        self.assertIn("wrote dev", second.stdout)
        with open(self.env["AWS_SHARED_CREDENTIALS_FILE"]) as f:
            after = f.read()
        self.assertNotEqual(before, after)
        self.assertTrue(after.startswith(HAND_WRITTEN))
        key = [line for line in after.splitlines() if line.startswith("aws_access_key_id")]
        self.assertEqual(len(key), 2)  # the hand-written one and the renewed export, no duplicate section


if __name__ == "__main__":
    unittest.main()
