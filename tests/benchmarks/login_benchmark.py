#!/usr/bin/env python3
"""Login speed and memory of aws-sso-tray against its simulator (loopback, no added latency).

Run by hand, inside a keyring session so the stored secrets are real:

    tests/desktop/with-keyring.sh python3 tests/benchmarks/login_benchmark.py build/src/app/aws-sso-tray

Prints median and spread over repeated runs of: a cold login (new browser profile: username,
password, TOTP, consent), a warm login (portal cookie still valid), a silent refresh, and the peak
memory of the login process tree (the app plus its Chromium helper processes).
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from interop_support import process_tree  # noqa: E402

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "correct horse battery staple"


def process_tree_rss_kib(root_pid):
    """Sum of VmRSS over a process and all its descendants."""
    total = 0
    for pid in process_tree(root_pid):
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def timed_run(args, env):
    """Runs a command; returns (seconds, peak RSS of its process tree in MiB, result)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], process_tree_rss_kib(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = process.communicate(timeout=120)
    elapsed = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}): {stderr}")
    return elapsed, peak[0] / 1024.0, stderr


def summary(name, values, unit):
    if len(values) > 1:
        spread = f"min {min(values):.3f}  max {max(values):.3f}  stdev {statistics.stdev(values):.3f}"
    else:
        spread = ""
    print(f"{name:<28} median {statistics.median(values):8.3f} {unit}   {spread}   (n={len(values)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app", help="path to the aws-sso-tray binary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--metadata-delay-ms", type=int, default=1500,
                        help="when the sign-in pages fill their anti-automation field (the real pages: about 1.5 s)")
    options = parser.parse_args()
    app = os.path.abspath(options.app)

    home = tempfile.mkdtemp(prefix="aws-sso-tray-bench-")
    try:
        sim_config = os.path.join(home, "sim.json")
        with open(sim_config, "w") as f:
            json.dump({"users": [{"username": "bench", "password": PASSWORD, "totpSecret": TOTP_SECRET,
                                  "mfa": "totp"}],
                       "signInPages": {"metadataDelayMs": options.metadata_delay_ms}}, f)
        sim = subprocess.Popen([app, "sim", "--config", sim_config], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
        exports = dict(re.match(r"export (\w+)=(\S+)", sim.stdout.readline()).groups() for _ in range(2))
        base = exports["AWS_ENDPOINT_URL_SSO"]
        os.makedirs(os.path.join(home, ".aws"))
        with open(os.path.join(home, ".aws", "config"), "w") as f:
            f.write(f"[sso-session bench]\nsso_start_url = {base}/start\nsso_region = us-east-1\n"
                    "sso_registration_scopes = sso:account:access\n\n"
                    "[profile bench]\nsso_session = bench\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\n")
        env = dict(os.environ, HOME=home, AWS_CONFIG_FILE=os.path.join(home, ".aws", "config"),
                   AWS_ENDPOINT_URL_SSO_OIDC=base, AWS_ENDPOINT_URL_SSO=base)
        env.pop("QT_QPA_PLATFORM", None)
        subprocess.run([app, "secret", "set", "--profile", "bench", "--username", "bench"], input=PASSWORD + "\n",
                       env=env, check=True, capture_output=True, text=True)
        subprocess.run([app, "secret", "set-totp", "--profile", "bench"], input=TOTP_SECRET + "\n", env=env,
                       check=True, capture_output=True, text=True)
        cache_file = os.path.join(home, ".aws", "sso", "cache", hashlib.sha1(b"bench").hexdigest() + ".json")

        cold, warm, refresh, memory = [], [], [], []
        for run in range(options.runs):
            env["AWS_SSO_TRAY_DATA_DIR"] = os.path.join(home, f"data-{run}")
            seconds, peak, _ = timed_run([app, "login", "--profile", "bench", "--force"], env)
            cold.append(seconds)
            memory.append(peak)
            seconds, peak, log = timed_run([app, "login", "--profile", "bench", "--force"], env)
            if "Entering the password" in log:
                raise SystemExit("the warm login typed the password again: the portal session was not reused")
            warm.append(seconds)
            memory.append(peak)
            # Ten minutes left: inside every SDK's refresh window, so login refreshes silently.
            with open(cache_file) as f:
                token = json.load(f)
            token["expiresAt"] = (datetime.datetime.now(datetime.timezone.utc) +
                                  datetime.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
            with open(cache_file, "w") as f:
                json.dump(token, f)
            seconds, _, log = timed_run([app, "login", "--profile", "bench"], env)
            if "Refreshed" not in log:
                raise SystemExit("expected a silent refresh, got: " + log)
            refresh.append(seconds)

        print(f"aws-sso-tray login benchmark: {options.runs} runs, simulator on loopback, no added latency, "
              f"pages fill their anti-automation field after {options.metadata_delay_ms} ms")
        summary("cold login", cold, "s")
        summary("warm login", warm, "s")
        summary("silent refresh", refresh, "s")
        summary("peak memory (process tree)", memory, "MiB")
        sim.terminate()
        sim.wait(10)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
