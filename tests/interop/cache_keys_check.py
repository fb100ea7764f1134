#!/usr/bin/env python3
"""Judge aws-sso-tray's cache keys, JSON bytes and cache files with the real botocore.

Usage: cache_keys_check.py CASES.json

CASES.json is written by the C++ tests (TestSsoSession, TestPythonJson, TestTokenCache) and holds
what the C++ code computed. Every section is optional:

  tokenKeys:        [{startUrl, sessionName|null, key}]
  registrationKeys: [{startUrl, region, scopes|null, sessionName|null, key, text (optional)}]
  dumps:            [{value: <tagged node, see decode()>, sortKeys, text}]
  tokenFiles:       [{cacheDir, startUrl, sessionName|null, accessToken, expiresAt}]
  refreshes:        [{cacheDir, configFile, profile, now, response, expectedParams}]

Strings inside "dumps" travel as UTF-16 hex and floats as their IEEE-754 bits, so nothing the C++
serialiser got wrong can be hidden by the trip through this file.

Prints {"checked": N, "mismatches": [...]} and exits 0 when everything matches, 1 when something
differs, 77 when botocore cannot be imported (the test then skips).
"""

import hashlib
import json
import os
import struct
import sys

try:
    import botocore.session
    import dateutil.parser
    from botocore.stub import Stubber
    from botocore.tokens import SSOTokenProvider, _sso_json_dumps
    from botocore.utils import JSONFileCache, SSOTokenLoader
except ImportError as error:  # pragma: no cover - depends on the machine
    print(json.dumps({"skip": f"botocore is not importable: {error}"}))
    sys.exit(77)


def registration_cache_key(start_url, region, scopes, session_name):
    """The AWS CLI v2's BaseSSOTokenFetcher._registration_cache_key (awscli/botocore/utils.py).

    The pip botocore on this machine does not ship the login fetchers, so this is the one function
    here not imported from botocore; it is four lines and uses only json.dumps and hashlib.
    """
    args = {
        'tool': 'botocore',
        'startUrl': start_url,
        'region': region,
        'scopes': scopes,
        'session_name': session_name,
    }
    text = json.dumps(args, sort_keys=True)
    return text, hashlib.sha1(text.encode('utf-8')).hexdigest()


def decode(node):
    """A tagged node from the C++ side back into the Python value it stands for."""
    kind = node['t']
    if kind == 'null':
        return None
    if kind == 'bool':
        return node['v']
    if kind == 'int':
        return int(node['v'])
    if kind == 'float':
        return struct.unpack('<d', bytes.fromhex(node['bits']))[0]
    if kind == 'str':
        return bytes.fromhex(node['u16']).decode('utf-16-le', 'surrogatepass')
    if kind == 'arr':
        return [decode(element) for element in node['a']]
    if kind == 'obj':
        return {decode({'t': 'str', 'u16': key}): decode(value) for key, value in node['m']}
    raise ValueError(f'unknown node kind {kind!r}')


def check_token_keys(cases, mismatches):
    generate = SSOTokenLoader()._generate_cache_key
    for case in cases:
        expected = generate(case['startUrl'], case['sessionName'])
        if expected != case['key']:
            mismatches.append({'tokenKey': case, 'botocore': expected})


def check_registration_keys(cases, mismatches):
    for case in cases:
        text, key = registration_cache_key(case['startUrl'], case['region'], case['scopes'],
                                           case['sessionName'])
        if key != case['key'] or case.get('text', text) != text:
            mismatches.append({'registrationKey': case, 'python': {'key': key, 'text': text}})


def check_dumps(cases, mismatches):
    for case in cases:
        value = decode(case['value'])
        expected = json.dumps(value, sort_keys=case.get('sortKeys', False))
        if expected != case['text']:
            mismatches.append({'dumps': case['text'], 'python': expected})


def check_token_files(cases, mismatches):
    for case in cases:
        cache = JSONFileCache(case['cacheDir'], dumps_func=_sso_json_dumps)
        loader = SSOTokenLoader(cache=cache)
        try:
            token = loader(case['startUrl'], session_name=case['sessionName'])
        except Exception as error:  # botocore's own load error is the finding
            mismatches.append({'tokenFile': case, 'botocoreError': str(error)})
            continue
        if token['accessToken'] != case['accessToken'] or token['expiresAt'] != case['expiresAt']:
            mismatches.append({'tokenFile': case, 'botocoreRead': token})
        # What botocore would write for the dict it read must be the file's bytes exactly.
        path = os.path.join(case['cacheDir'], loader._generate_cache_key(case['startUrl'],
                                                                          case['sessionName']) + '.json')
        with open(path, encoding='utf-8') as handle:
            on_disk = handle.read()
        rewritten = _sso_json_dumps(token)
        if rewritten != on_disk:
            mismatches.append({'tokenFile': path, 'onDisk': on_disk, 'botocoreWouldWrite': rewritten})


def run_refreshes(cases, mismatches):
    """Let botocore's SSOTokenProvider refresh a token the C++ side wrote; the test reads the result."""
    for case in cases:
        os.environ['AWS_CONFIG_FILE'] = case['configFile']
        for variable in ('AWS_PROFILE', 'AWS_DEFAULT_PROFILE'):
            os.environ.pop(variable, None)
        now = dateutil.parser.parse(case['now'])
        session = botocore.session.Session()
        cache = JSONFileCache(case['cacheDir'], dumps_func=_sso_json_dumps)
        provider = SSOTokenProvider(session, cache=cache, time_fetcher=lambda: now,
                                    profile_name=case['profile'])
        stubber = Stubber(provider._client)
        stubber.add_response('create_token', case['response'], case['expectedParams'])
        try:
            with stubber:
                token = provider.load_token().get_frozen_token()
            stubber.assert_no_pending_responses()
        except Exception as error:
            mismatches.append({'refresh': case, 'botocoreError': repr(error)})
            continue
        if token.token != case['response']['accessToken']:
            mismatches.append({'refresh': case, 'botocoreToken': token.token})


def main():
    with open(sys.argv[1], encoding='utf-8') as handle:
        cases = json.load(handle)
    mismatches = []
    checks = (
        ('tokenKeys', check_token_keys),
        ('registrationKeys', check_registration_keys),
        ('dumps', check_dumps),
        ('tokenFiles', check_token_files),
        ('refreshes', run_refreshes),
    )
    checked = 0
    for section, check in checks:
        section_cases = cases.get(section, [])
        check(section_cases, mismatches)
        checked += len(section_cases)
    print(json.dumps({'checked': checked, 'mismatches': mismatches}, indent=1))
    return 1 if mismatches else 0


if __name__ == '__main__':
    sys.exit(main())
