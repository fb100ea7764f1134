"""The shell completions (bash, zsh, fish) and the man page: they load, complete real commands, options
and the profile / sso-session names of a test config, render without warnings, and install where the
shells and man look."""
import gzip
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from interop_support import APP

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BASH = os.path.join(ROOT, "resources", "completions", "aws-sso-tray.bash")
ZSH = os.path.join(ROOT, "resources", "completions", "_aws-sso-tray")
FISH = os.path.join(ROOT, "resources", "completions", "aws-sso-tray.fish")
MAN = os.path.join(ROOT, "resources", "man", "aws-sso-tray.1")

CONFIG = """\
[default]
region = eu-west-1

[sso-session corp-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[sso-session lab]
sso_start_url = https://lab.awsapps.com/start
sso_region = eu-west-1

[profile dev-admin]
sso_session = corp-sso
sso_account_id = 111111111111
sso_role_name = Admin

[profile dev-readonly]
sso_session = corp-sso
sso_account_id = 111111111111
sso_role_name = ReadOnly

[profile prod]
region = us-west-2
"""

COMMANDS = ["status", "login", "credentials", "console", "profiles", "export-credentials", "logout",
            "secret", "sim"]


class ShellIntegration(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="aws-sso-tray-shell-")
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        self.config = os.path.join(self.home, "config")
        with open(self.config, "w") as f:
            f.write(CONFIG)
        self.env = {"HOME": self.home, "PATH": os.path.dirname(os.path.abspath(APP)) + os.pathsep +
                    os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "AWS_CONFIG_FILE": self.config}

    def bash_complete(self, *words):
        """COMPREPLY for the command line `words`, the last one being completed."""
        script = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); '
                  '_aws_sso_tray; printf "%s\\n" "${COMPREPLY[@]}"')
        result = subprocess.run(["bash", "-c", script, "bash", BASH, APP, *words], env=self.env,
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return [line for line in result.stdout.splitlines() if line]

    def test_bash_completes_commands_options_and_names(self):
        self.assertEqual(sorted(self.bash_complete("")), sorted(COMMANDS + ["help"]))
        self.assertEqual(self.bash_complete("con"), ["console"])
        self.assertEqual(self.bash_complete("console", "--p"), ["--profile", "--print"])
        self.assertEqual(self.bash_complete("login", "--profile", ""), ["default", "dev-admin", "dev-readonly",
                                                                        "prod"])
        self.assertEqual(self.bash_complete("credentials", "--profile", "dev-"), ["dev-admin", "dev-readonly"])
        self.assertEqual(self.bash_complete("profiles", "generate", "--sso-session", ""), ["corp-sso", "lab"])
        self.assertEqual(self.bash_complete("profiles", ""), ["generate"])
        self.assertIn("--prune", self.bash_complete("profiles", "generate", "--"))
        self.assertEqual(self.bash_complete("secret", "set-"), ["set-totp"])
        self.assertEqual(sorted(self.bash_complete("export-credentials", "--")), ["--help", "--profile"])
        # Every option the completion offers is one the command accepts.
        for command in COMMANDS:
            for option in self.bash_complete(command, "--"):
                help_text = subprocess.run([APP, command, "--help"], env=self.env, capture_output=True,
                                           text=True, timeout=30).stdout
                self.assertIn(option, help_text, f"{command} {option}")

    def test_names_come_from_the_config_and_a_broken_config_gives_none(self):
        names = subprocess.run([APP, "status", "--names", "sessions"], env=self.env, capture_output=True,
                               text=True, timeout=30)
        self.assertEqual(names.stdout, "corp-sso\nlab\n")
        with open(self.config, "w") as f:
            f.write("[profile a]\nk = 1\nk = 2\n")
        self.assertEqual(self.bash_complete("login", "--profile", ""), [])

    def test_zsh_completion_parses_and_registers(self):
        zsh = shutil.which("zsh")
        if not zsh:
            self.skipTest("zsh is not installed")
        subprocess.run([zsh, "-n", ZSH], check=True, timeout=30)
        script = ('fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$HOME/.zcompdump"; '
                  'print -r -- "$_comps[aws-sso-tray]"')
        result = subprocess.run([zsh, "-f", "-c", script, "zsh", os.path.dirname(ZSH)], env=self.env,
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.stdout.strip(), "_aws-sso-tray", result.stderr)

    def test_fish_completes_commands_and_names(self):
        fish = shutil.which("fish")
        if not fish:
            self.skipTest("fish is not installed")
        subprocess.run([fish, "--no-execute", FISH], check=True, timeout=30)

        def complete(line):
            result = subprocess.run([fish, "--no-config", "-c", f"source {FISH}; complete -C '{line}'"],
                                    env=self.env, capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 0, result.stderr)
            return [entry.split("\t")[0] for entry in result.stdout.splitlines()]

        self.assertIn("export-credentials", complete("aws-sso-tray e"))
        self.assertEqual(complete("aws-sso-tray login --profile dev-"), ["dev-admin", "dev-readonly"])
        self.assertEqual(complete("aws-sso-tray logout --sso-session "), ["corp-sso", "lab"])

    def test_man_page_renders_without_warnings(self):
        groff = shutil.which("groff")
        if not groff:
            self.skipTest("groff is not installed")
        result = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", MAN], env=self.env, capture_output=True,
                                text=True, timeout=30)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        rendered = subprocess.run([groff, "-man", "-Tutf8", MAN], env=self.env, capture_output=True, text=True,
                                  timeout=30).stdout
        rendered = re.sub(".\b", "", rendered)  # no bold or underline overstrikes
        # Every command, the exit codes and the environment are documented.
        for command in COMMANDS:
            self.assertIn(command, rendered)
        for needle in ("EXIT STATUS", "ENVIRONMENT", "FILES", "AWS_SSO_TRAY_FEDERATION_ENDPOINT",
                       "AWS_SHARED_CREDENTIALS_FILE"):
            self.assertIn(needle, rendered)
        if shutil.which("man"):
            man = subprocess.run(["man", "--warnings", "-l", MAN], env=dict(self.env, MANWIDTH="80",
                                                                           MANPAGER="cat", PAGER="cat"),
                                 capture_output=True, text=True, timeout=30)
            self.assertEqual((man.returncode, man.stderr), (0, ""))

    def test_install_puts_the_files_where_the_shells_look(self):
        build = os.environ.get("AWS_SSO_TRAY_BUILD_DIR")
        if not build:
            self.skipTest("AWS_SSO_TRAY_BUILD_DIR is not set (run through ctest)")
        prefix = os.path.join(self.home, "prefix")
        subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True, capture_output=True,
                       timeout=120)
        for path, source in (("share/bash-completion/completions/aws-sso-tray", BASH),
                             ("share/zsh/vendor-completions/_aws-sso-tray", ZSH),
                             ("share/fish/vendor_completions.d/aws-sso-tray.fish", FISH),
                             ("share/man/man1/aws-sso-tray.1.gz", MAN)):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(os.path.join(prefix, path), "rb") as installed, open(source, "rb") as original:
                self.assertEqual(installed.read(), original.read(), path)


if __name__ == "__main__":
    unittest.main()
