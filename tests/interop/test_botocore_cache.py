"""The token cache this app writes is the one botocore reads, and the other way round."""
import hashlib
import json
import os
import unittest

from botocore.utils import SSOTokenLoader

from interop_support import SimulatorHome

SESSION_CONFIG = """\
[sso-session my-sso]
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = my-sso
sso_account_id = 111111111111
sso_role_name = ReadOnly
region = eu-west-1
"""

LEGACY_CONFIG = """\
[profile legacy]
sso_start_url = https://legacy-portal.awsapps.com/start
sso_region = eu-central-1
sso_account_id = 111111111111
sso_role_name = ReadOnly
"""

CLI_FIELD_ORDER = ["startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
                   "registrationExpiresAt", "refreshToken"]


class TokenWrittenByTheApp(SimulatorHome):
    def test_session_token_has_the_cli_name_and_bytes(self):
        self.write_config(SESSION_CONFIG)
        self.login("--profile", "dev")
        loader = SSOTokenLoader(cache=None)
        key = loader._generate_cache_key("https://my-sso-portal.awsapps.com/start", "my-sso")
        self.assertEqual(key, hashlib.sha1(b"my-sso").hexdigest())
        path = os.path.join(self.cache_dir, key + ".json")
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(self.cache_dir).st_mode & 0o777, 0o700)
        text = self.cache_file(key)
        token = json.loads(text)
        # One line, Python's json.dumps separators and the CLI's field order.
        self.assertEqual(text, json.dumps(token))
        self.assertEqual(list(token), CLI_FIELD_ORDER)
        self.assertRegex(token["expiresAt"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

    def test_botocore_token_provider_accepts_it(self):
        self.write_config(SESSION_CONFIG)
        self.login("--profile", "dev")
        token = self.botocore("token", "dev")
        on_disk = json.loads(self.cache_file(hashlib.sha1(b"my-sso").hexdigest()))
        self.assertEqual(token.get("token"), on_disk["accessToken"], token)

    def test_botocore_credential_provider_gets_role_credentials_from_the_simulator(self):
        self.write_config(SESSION_CONFIG)
        self.login("--profile", "dev")
        credentials = self.botocore("credentials", "dev")
        self.assertEqual(credentials.get("method"), "sso", credentials)
        self.assertTrue(credentials["accessKey"].startswith("ASIA"), credentials)
        self.assertTrue(credentials["hasSecret"])
        self.assertTrue(credentials["hasToken"])

    def test_legacy_profile_token_is_found_by_botocore(self):
        self.write_config(LEGACY_CONFIG)
        self.login("--profile", "legacy")
        key = hashlib.sha1(b"https://legacy-portal.awsapps.com/start").hexdigest()
        token = json.loads(self.cache_file(key))
        self.assertNotIn("refreshToken", token, "legacy profiles register without scopes: no refresh token")
        credentials = self.botocore("credentials", "legacy")
        self.assertEqual(credentials.get("method"), "sso", credentials)
        self.assertTrue(credentials["accessKey"].startswith("ASIA"), credentials)


class TokenRefreshedByBotocore(SimulatorHome):
    # Tokens that live 10 minutes are inside botocore's 15-minute refresh window from the start.
    sim_config = {"accessTokenLifetimeSeconds": 600}

    def test_app_reads_back_what_botocore_refreshed(self):
        self.write_config(SESSION_CONFIG)
        self.login("--profile", "dev")
        key = hashlib.sha1(b"my-sso").hexdigest()
        before = json.loads(self.cache_file(key))
        self.assertIn("token", self.botocore("token", "dev"))
        after = json.loads(self.cache_file(key))
        self.assertNotEqual(before["accessToken"], after["accessToken"], "botocore did not refresh")
        status = json.loads(self.run_app("status", "--json").stdout)
        (session,) = status["sessions"]
        self.assertEqual(session["name"], "my-sso")
        self.assertEqual(session["expiresAt"], after["expiresAt"])
        self.assertTrue(session["canRefresh"])
        self.assertIn(session["state"], ("valid", "expiring"))

    def test_app_refresh_keeps_the_file_readable_by_botocore(self):
        self.write_config(SESSION_CONFIG)
        self.login("--profile", "dev")
        key = hashlib.sha1(b"my-sso").hexdigest()
        before = json.loads(self.cache_file(key))
        # Inside the 15-minute window `credentials` refreshes silently first.
        output = json.loads(self.run_app("credentials", "--profile", "dev").stdout)
        self.assertEqual(output["Version"], 1)
        after_text = self.cache_file(key)
        after = json.loads(after_text)
        self.assertNotEqual(before["accessToken"], after["accessToken"])
        self.assertEqual(after["refreshToken"] != "", True)
        self.assertEqual(after_text, json.dumps(after))
        # botocore reads the file and, the token being inside its 15-minute window, refreshes it
        # with the refresh token this app stored: both steps only work on a well-formed cache.
        probe = self.botocore("token", "dev")
        self.assertIn("token", probe, probe)
        self.assertEqual(json.loads(self.cache_file(key))["accessToken"], probe["token"])
        self.assertNotEqual(probe["token"], after["accessToken"])


if __name__ == "__main__":
    unittest.main()
