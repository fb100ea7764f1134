"""aws-sso-tray console: the federation sign-in URL, used against the simulator's federation endpoint."""
import os
import shutil
import stat
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

from interop_support import APP, MY_SSO_DEV_CONFIG, SimulatorHome, wait_until

CONFIG = MY_SSO_DEV_CONFIG

# Stands in for xdg-open: records its arguments and fetches the URL as a browser would.
FAKE_XDG_OPEN = """#!{python}
import sys, urllib.request
with open({record!r}, "w") as f:
    f.write(" ".join(sys.argv[1:]) + "\\n")
    f.flush()
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
            f.write(response.geturl() + "\\n" + response.read().decode())
    except Exception as error:
        f.write("error: %r" % error)
"""


class Console(SimulatorHome):
    def setUp(self):
        super().setUp()
        self.write_config(CONFIG)
        self.env["AWS_SSO_TRAY_FEDERATION_ENDPOINT"] = self.base_url + "/federation"

    def test_printed_url_has_the_shape_and_signs_in(self):
        self.login("--profile", "dev")
        result = self.run_app("console", "--profile", "dev", "--print", "--duration", "3600")
        url = result.stdout.strip()
        self.assertEqual(result.stdout.count("\n"), 1)
        self.assertNotIn(url, result.stderr)
        parts = urllib.parse.urlsplit(url)
        self.assertEqual(parts.scheme + "://" + parts.netloc, self.base_url)
        self.assertEqual(parts.path, "/federation")
        query = urllib.parse.parse_qsl(parts.query, strict_parsing=True)
        self.assertEqual([key for key, _ in query], ["Action", "Issuer", "Destination", "SigninToken"])
        values = dict(query)
        self.assertEqual(values["Action"], "login")
        self.assertEqual(values["Issuer"], "https://my-sso-portal.awsapps.com/start")
        self.assertEqual(values["Destination"], "https://console.aws.amazon.com/")
        self.assertTrue(values["SigninToken"])
        with urllib.request.urlopen(url, timeout=10) as response:
            page = response.read().decode()
        self.assertIn("Signed in as role <b>ReadOnly</b> in account <b>111111111111</b>", page)

        destination = "https://console.aws.amazon.com/s3/home?region=eu-west-1"
        other = self.run_app("console", "--profile", "dev", "--print", "--destination", destination)
        values = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(other.stdout.strip()).query))
        self.assertEqual(values["Destination"], destination)

    def test_a_made_up_token_or_session_is_refused(self):
        self.login("--profile", "dev")
        url = self.run_app("console", "--profile", "dev", "--print").stdout.strip()
        forged = url.replace("SigninToken=", "SigninToken=x")
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged, timeout=10)
        self.assertEqual(refused.exception.code, 400)
        session = urllib.parse.quote('{"sessionId":"ASIAFAKE","sessionKey":"x","sessionToken":"y"}')
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(self.base_url + "/federation?Action=getSigninToken&Session=" + session,
                                   timeout=10)
        self.assertEqual(refused.exception.code, 400)

    def test_opens_the_browser_through_a_one_time_loopback_redirect(self):
        self.login("--profile", "dev")
        bin_dir = os.path.join(self.home, "bin")
        os.makedirs(bin_dir)
        record = os.path.join(self.home, "browser.txt")
        script = os.path.join(bin_dir, "xdg-open")
        with open(script, "w") as f:
            f.write(FAKE_XDG_OPEN.format(python=sys.executable, record=record))
        os.chmod(script, stat.S_IRWXU)
        self.env["PATH"] = bin_dir + os.pathsep + self.env["PATH"]
        self.env["XDG_CURRENT_DESKTOP"] = "X-Generic"
        # A real X server (Xvfb): Qt's offscreen platform cannot open URLs.
        xvfb_run = shutil.which("xvfb-run")
        if not xvfb_run:
            self.skipTest("xvfb-run is not installed")
        result = subprocess.run([xvfb_run, "-a", APP, "console", "--profile", "dev"], env=self.env,
                                capture_output=True, text=True, timeout=90)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "")
        # The browser goes on after the redirect was served; wait for it to read the page.
        def browser_done():
            with open(record) as f:
                return "</html>" in f.read()
        if not wait_until(browser_done, timeout=20):
            with open(record) as f:
                self.fail("the fake browser did not finish: " + f.read() + result.stderr)
        with open(record) as f:
            argument, final_url, page = f.read().split("\n", 2)
        # The browser's command line holds only the loopback hand-off, never the sign-in token.
        self.assertRegex(argument, r"^http://127\.0\.0\.1:\d+/[0-9a-f]{48}$")
        self.assertIn("SigninToken=", final_url)
        self.assertIn("Signed in as role <b>ReadOnly</b> in account <b>111111111111</b>", page)
        # The hand-off served once and is gone.
        with self.assertRaises(OSError):
            urllib.request.urlopen(argument, timeout=5)

    def test_errors(self):
        not_logged_in = self.run_app("console", "--profile", "dev", "--print", check=False)
        self.assertEqual(not_logged_in.returncode, 4, not_logged_in.stderr)
        self.assertEqual(not_logged_in.stdout, "")
        for args in (("--profile", "dev", "--print", "--duration", "60"),
                     ("--profile", "dev", "--print", "--destination", "http://example.com/"),
                     ("--print",)):
            result = self.run_app("console", *args, check=False)
            self.assertEqual(result.returncode, 2, result.stderr)


if __name__ == "__main__":
    import unittest

    unittest.main()
