#!/usr/bin/env python3
"""Tray benchmark: time from start to the icon being shown, and the tray process's memory when idle and
across ten logins. Run by hand on a throw-away desktop (prints figures, asserts nothing timed):

  AWS_SSO_TRAY=build-tests/src/app/aws-sso-tray \\
  AWS_SSO_TRAY_TEST_NOTIFICATION_SERVER=build-tests/tests/desktop/NotificationServer \\
  QTWEBENGINE_DISABLE_SANDBOX=1 tests/desktop/with-desktop.sh python3 tests/benchmarks/tray_benchmark.py

The logins are real: the test build's menu is clicked with the X mouse and keyboard, each login runs the
sign-in through the simulator's pages in its own process, then the session is logged out again.
"""
import os
import statistics
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "desktop"))
from test_tray import TrayOnADesktop, wait_until  # noqa: E402

STARTS = int(os.environ.get("TRAY_BENCHMARK_STARTS", "7"))
LOGINS = int(os.environ.get("TRAY_BENCHMARK_LOGINS", "10"))


def memory_of(pid):
    """Resident and proportional set size in MiB (PSS counts shared libraries' pages fairly)."""
    figures = {}
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            name, _, rest = line.partition(":")
            if name in ("Rss", "Pss"):
                figures[name] = int(rest.split()[0]) / 1024.0
    return figures["Rss"], figures["Pss"]


def spread(values, unit, digits=2):
    return "%.*f %s (%.*f-%.*f)" % (digits, statistics.median(values), unit, digits, min(values), digits,
                                   max(values))


class TrayBenchmark(TrayOnADesktop):
    sim_config = {"users": [{"username": "alice", "password": "correct horse battery staple",
                             "totpSecret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "mfa": "totp"}],
                  "faults": {"latencyMs": 0}}

    def test_benchmark(self):
        starts = []
        for _ in range(STARTS):
            before = set(self.embedded_icon())
            began = time.monotonic()
            self.tray = subprocess.Popen([os.environ["AWS_SSO_TRAY"]], env=self.env, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True)
            # Shown: a window of the tray process is embedded in trayer's panel.
            wait_until(lambda: set(self.embedded_icon()) - before, 20, "the icon never appeared")
            starts.append(time.monotonic() - began)
            self.tray.terminate()
            self.tray.wait(10)
            self.tray.stderr.close()
            wait_until(lambda: set(self.embedded_icon()) <= before, 10, "the icon stayed after the tray quit")
            time.sleep(0.3)

        self.start_tray()
        self.wait_for_menu_line("127.0.0.1:")
        time.sleep(5)
        idle_rss, idle_pss = memory_of(self.tray.pid)
        after = []
        login_seconds = []
        for round_number in range(LOGINS):
            began = time.monotonic()
            self.choose("dev  (")
            wait_until(self.token, 90, "login %d did not finish" % (round_number + 1))
            self.wait_for_menu_line("valid until", timeout=30)
            login_seconds.append(time.monotonic() - began)
            time.sleep(1)
            after.append(memory_of(self.tray.pid))
            self.choose("Log out of")
            wait_until(lambda: self.token() is None, 30, "logout %d did not finish" % (round_number + 1))
            self.wait_for_menu_line("not logged in", timeout=30)
        time.sleep(3)
        end_rss, end_pss = memory_of(self.tray.pid)

        print("\ntray benchmark (%d starts, %d logins through the menu)" % (STARTS, LOGINS))
        print("  start to icon in the tray: %s" % spread(starts, "s", 3))
        print("  idle tray process: RSS %.1f MiB, PSS %.1f MiB" % (idle_rss, idle_pss))
        print("  click to 'valid until' in the menu, per login: %s" % spread(login_seconds, "s"))
        print("  RSS after login 1, 5, %d: %s MiB" % (LOGINS, ", ".join(
            "%.1f" % after[i][0] for i in (0, min(4, LOGINS - 1), LOGINS - 1))))
        print("  after all logins and logouts: RSS %.1f MiB (%+.1f MiB from idle), PSS %.1f MiB" % (
            end_rss, end_rss - idle_rss, end_pss))

    def embedded_icon(self):
        tree = subprocess.run(["xwininfo", "-children", "-id", os.environ["AWS_SSO_TRAY_TEST_TRAY_WINDOW"]],
                              capture_output=True, text=True).stdout
        return [line.split()[0] for line in tree.splitlines() if line.strip().startswith("0x")]


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
