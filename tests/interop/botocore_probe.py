"""Asks the real botocore, in a process of its own (it reads HOME when imported), what it makes of
this machine's AWS config and SSO cache. Prints one JSON object.

    botocore_probe.py token PROFILE        the SSO bearer token botocore's token provider loads
    botocore_probe.py credentials PROFILE  the credentials botocore's default chain resolves
"""
import json
import sys

import botocore.session
from botocore.tokens import SSOTokenProvider


def main():
    what, profile = sys.argv[1], sys.argv[2]
    session = botocore.session.Session(profile=profile)
    try:
        if what == "token":
            token = SSOTokenProvider(session).load_token()
            frozen = token.get_frozen_token()
            print(json.dumps({"token": frozen.token, "expiration": frozen.expiration.isoformat()}))
        elif what == "credentials":
            credentials = session.get_credentials()
            frozen = credentials.get_frozen_credentials()
            print(json.dumps({"method": credentials.method, "accessKey": frozen.access_key,
                              "hasSecret": bool(frozen.secret_key), "hasToken": bool(frozen.token)}))
        else:
            raise SystemExit("unknown probe " + what)
    except Exception as error:  # the test shows botocore's own words
        print(json.dumps({"error": type(error).__name__, "message": str(error)}))


if __name__ == "__main__":
    main()
