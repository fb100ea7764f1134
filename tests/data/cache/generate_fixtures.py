#!/usr/bin/env python3
"""Regenerates the fixtures of this directory with the real botocore (run: python3 generate_fixtures.py [DIR]).

cli-*.json are byte-for-byte what the AWS CLI / botocore writes (botocore.tokens._sso_json_dumps, the
dumps function of the SSO token cache); go-token.json imitates aws-sdk-go-v2 (sorted compact keys,
an unknown field kept); corrupt-*.json are files no tool can use. Used by tests/unit/TestSsoToken.cpp
and TestTokenCache.cpp.
"""
import json
import os
import sys
from datetime import datetime, timedelta

from botocore.tokens import _sso_json_dumps
from dateutil.tz import tzutc

target = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(target, name), 'wb') as handle:
        handle.write(data if isinstance(data, bytes) else data.encode('utf-8'))


now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=tzutc())
token = {
    "startUrl": "https://my-sso-portal.awsapps.com/start",
    "region": "us-east-1",
    "accessToken": "aoaAAAAAGa/x+y==",
    "expiresAt": now + timedelta(seconds=28800),
    "clientId": "cid-123",
    "clientSecret": "secret/with\"quote",
    "registrationExpiresAt": datetime.fromtimestamp(1775098245, tzutc()),
}
write('cli-token-no-refresh.json', _sso_json_dumps(token))
token["refreshToken"] = "Atzr|refresh-ünï"
full = _sso_json_dumps(token)
write('cli-token.json', full)
write('bom-token.json', b'\xef\xbb\xbf' + full.encode())

registration = {'clientId': 'cid-123', 'clientSecret': 'sec',
                'expiresAt': datetime.fromtimestamp(1775098245, tzutc())}
write('cli-registration-device.json', _sso_json_dumps(registration))
registration['scopes'] = ['sso:account:access']
registration['grantTypes'] = ('authorization_code', 'refresh_token')
write('cli-registration-pkce.json', _sso_json_dumps(registration))

go = {"accessToken": "go-access", "clientId": "cid-123", "clientSecret": "sec",
      "expiresAt": "2026-01-02T11:04:05Z", "refreshToken": "go-refresh", "region": "us-east-1",
      "registrationExpiresAt": "2026-04-02T02:50:45Z",
      "startUrl": "https://my-sso-portal.awsapps.com/start", "zzCustom": {"b": 1, "a": [True, None]}}
write('go-token.json', json.dumps(go, separators=(',', ':'), sort_keys=True))

# Pretty printed by hand: unknown fields before, between and after the known ones.
write('pretty-unknown-fields.json', '''{
  "zFirst": "kept \\u00e9",
  "accessToken": "pretty-access",
  "nested": {"y": [1, 2.5, "x"], "x": {"deep": null}},
  "expiresAt": "2026-01-02T11:04:05.250000+00:00",
  "startUrl": "https://my-sso-portal.awsapps.com/start",
  "region": "us-east-1",
  "count": -42,
  "flag": false,
  "aLast": "\\ud83d\\ude00"
}
''')

write('corrupt-empty.json', b'')
write('corrupt-whitespace.json', b'  \n\t\n')
write('corrupt-truncated.json', full[:57])
write('corrupt-not-json.json', '<html><body>502 Bad Gateway</body></html>\n')
write('corrupt-array.json', '[{"accessToken": "a", "expiresAt": "2026-01-02T11:04:05Z"}]')
write('corrupt-string.json', '"accessToken"')
write('corrupt-number.json', '42')
write('corrupt-null.json', 'null')
write('corrupt-missing-access-token.json',
      '{"startUrl": "https://my-sso-portal.awsapps.com/start", "expiresAt": "2026-01-02T11:04:05Z"}')
write('corrupt-missing-expires-at.json', '{"accessToken": "a"}')
write('corrupt-empty-access-token.json', '{"accessToken": "", "expiresAt": "2026-01-02T11:04:05Z"}')
write('corrupt-access-token-number.json', '{"accessToken": 12345, "expiresAt": "2026-01-02T11:04:05Z"}')
write('corrupt-expires-at-garbage.json', '{"accessToken": "a", "expiresAt": "next tuesday"}')
write('corrupt-expires-at-number.json', '{"accessToken": "a", "expiresAt": 1767323045}')
write('corrupt-registration-expires-garbage.json',
      '{"accessToken": "a", "expiresAt": "2026-01-02T11:04:05Z", "registrationExpiresAt": "2026-99-99"}')
write('corrupt-refresh-token-object.json',
      '{"accessToken": "a", "expiresAt": "2026-01-02T11:04:05Z", "refreshToken": {"x": 1}}')
write('corrupt-trailing-garbage.json', full + '\n}{"half": ')
write('corrupt-nul-bytes.json', b'\x00' * 64)
write('corrupt-binary.json', bytes(range(256)))
