"""Writes one SSO token file over and over the way `aws sso login` does, through botocore's own
JSONFileCache, while another process refreshes the same file (TestTokenRefresher's hammer test).

Usage: botocore_cache_writer.py CACHE_DIR KEY REFRESH_TOKEN SECONDS
Every read must parse and hold REFRESH_TOKEN; prints {"reads": N, "writes": N} and exits 0, else
prints what went wrong and exits 1.
"""
import json
import sys
import time

from botocore.utils import JSONFileCache


def main():
    cache_dir, key, refresh_token, seconds = sys.argv[1:5]
    cache = JSONFileCache(cache_dir)
    deadline = time.monotonic() + float(seconds)
    reads = writes = 0
    while time.monotonic() < deadline:
        try:
            current = cache[key]  # what botocore's SSOTokenLoader does; KeyError if unreadable
        except KeyError:
            print(f"read {reads}: the token file is missing or not JSON", flush=True)
            return 1
        reads += 1
        if current.get("refreshToken") != refresh_token:
            print(f"read {reads}: refreshToken is {current.get('refreshToken')!r}", flush=True)
            return 1
        token = dict(current)
        token["accessToken"] = f"written-by-botocore-{writes}"
        cache[key] = token
        writes += 1
    print(json.dumps({"reads": reads, "writes": writes}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
