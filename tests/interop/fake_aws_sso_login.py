"""Plays `aws sso login --no-browser` against the simulator, for `aws-sso-tray login --stdin` tests:
registers, starts a device authorization, prints exactly what the AWS CLI prints, keeps stdout open
while it polls (as the CLI does), and reports success on stderr when the token arrives.
(Debian's aws 2.9 cannot be pointed at a local endpoint, so this stands in for it.)"""
import json
import sys
import time
import urllib.error
import urllib.request


def call(base, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def main():
    base, start_url = sys.argv[1], sys.argv[2]
    _, client = call(base, "/client/register", {"clientName": "botocore-client-test", "clientType": "public",
                                                "scopes": ["sso:account:access"]})
    _, device = call(base, "/device_authorization", {"clientId": client["clientId"],
                                                     "clientSecret": client["clientSecret"], "startUrl": start_url})
    print("Browser will not be automatically opened.\nPlease visit the following URL:\n\n"
          f"{device['verificationUri']}\n\nThen enter the code:\n\n{device['userCode']}\n\n"
          "Alternatively, you may visit the following URL which will autofill the code upon loading:\n"
          f"{device['verificationUriComplete']}", flush=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        time.sleep(device.get("interval", 1))
        status, answer = call(base, "/token", {"clientId": client["clientId"], "clientSecret": client["clientSecret"],
                                               "grantType": "urn:ietf:params:oauth:grant-type:device_code",
                                               "deviceCode": device["deviceCode"]})
        if status == 200:
            print(f"Successfully logged into Start URL: {start_url}", file=sys.stderr)
            return 0
        if answer.get("error") not in ("authorization_pending", "slow_down"):
            print(f"login failed: {answer}", file=sys.stderr)
            return 1
    print("timed out", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
