#!/usr/bin/env bash
# Shows aws-sso-tray's command line against its built-in simulator, in a throwaway HOME:
# no AWS account, nothing of yours touched.
set -euo pipefail

app=$(realpath "${1:-build/src/app/aws-sso-tray}")
demo_home=$(mktemp -d)
sim_log=$demo_home/sim.log
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$demo_home"' EXIT

export HOME=$demo_home
export AWS_CONFIG_FILE=$HOME/.aws/config
mkdir -p "$HOME/.aws"
cat > "$AWS_CONFIG_FILE" <<'CONFIG'
[sso-session demo]
sso_start_url = https://demo-portal.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile demo-dev]
sso_session = demo
sso_account_id = 111111111111
sso_role_name = ReadOnly
region = eu-west-1
CONFIG

coproc SIM { "$app" sim --listen 127.0.0.1:0 2>"$sim_log"; }
sim_pid=$SIM_PID
read -r line <&"${SIM[0]}"; eval "$line"
read -r line <&"${SIM[0]}"; eval "$line"
export AWS_ENDPOINT_URL_SSO_OIDC AWS_ENDPOINT_URL_SSO
echo "== simulator at $AWS_ENDPOINT_URL_SSO"

echo "== aws-sso-tray status"
"$app" status

echo "== aws-sso-tray login --profile demo-dev --no-browser (the simulator approves the URL)"
"$app" login --profile demo-dev --no-browser --timeout 60 | while IFS= read -r out; do
  echo "$out"
  if [[ $out =~ user_code=([A-Z0-9-]+) ]]; then
    python3 - "$AWS_ENDPOINT_URL_SSO" "${BASH_REMATCH[1]}" <<'APPROVE'
import json, sys, urllib.request
request = urllib.request.Request(sys.argv[1] + "/_sim/approve", method="POST",
                                 data=json.dumps({"userCode": sys.argv[2]}).encode(),
                                 headers={"Content-Type": "application/json"})
urllib.request.urlopen(request, timeout=10).read()
APPROVE
  fi
done

echo "== aws-sso-tray status"
"$app" status

echo "== aws-sso-tray credentials --profile demo-dev (secret values shortened)"
"$app" credentials --profile demo-dev | sed -E 's/("(SecretAccessKey|SessionToken)": ?"[^"]{6})[^"]*"/\1..."/g'
