#!/usr/bin/env bash
# Runs SocialBot locally against Azurite with the embedded defaults:
#   installs Azurite from npm into .tools/azurite (first run only), starts it, starts the app on the local host
#   (src/SocialBot.LocalHost: the Functions app's function classes on the WebJobs SDK, http://127.0.0.1:7071), sends the
#   sample mentions, and shows what the bot replied and what it handed off. Then it keeps running so you can send more
#   (`./socialbot send --mention FILE`, `./socialbot agent next`); Ctrl+C stops it.
#   ./run-local.sh --demo    stops after showing the results, and runs with staffed hours that are closed right now
#                            (one hour a day, twelve hours away, UTC), so the automatic acknowledgement shows whatever
#                            the hour. Your own configuration is not touched.
#   ./run-local.sh --networks
#                            instead of the sample mentions, starts fake X, Bluesky and Mastodon APIs on loopback
#                            (tools/SocialBot.FakeNetworks, credentials made up at start, nothing real is called), points
#                            SocialBot:Networks:* at them, closes staffed hours as --demo does, and shows per network the
#                            customer's mention that was polled in and the reply SocialBot posted back to the fake, then
#                            `socialbot networks`. Combine with --demo to stop after showing them.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"
demo=false
networks=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    --networks) networks=true ;;
    *) echo "usage: ./run-local.sh [--demo] [--networks]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
azurite="$root/.tools/azurite/node_modules/.bin/azurite"
if [ ! -x "$azurite" ]; then
  echo "==> Installing Azurite into .tools/azurite (first run only)"
  mkdir -p "$root/.tools/azurite"
  npm install --prefix "$root/.tools/azurite" --no-audit --no-fund --loglevel=error azurite@3 >/dev/null
fi

echo "==> Building SocialBot"
dotnet build "$root/src/SocialBot.LocalHost/SocialBot.LocalHost.csproj" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/src/SocialBot.Cli/SocialBot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
if $networks; then
  dotnet build "$root/tools/SocialBot.FakeNetworks/SocialBot.FakeNetworks.csproj" -c Release -v quiet -nologo >/dev/null
fi
socialbot() { "$root/socialbot" "$@"; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

mkdir -p "$root/.azurite"
if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null; then
  echo "==> Azurite is already listening on 127.0.0.1:10001; using it"
else
  echo "==> Starting Azurite on 127.0.0.1 (blob 10000, queue 10001, table 10002; data in .azurite/)"
  mkdir -p "$root/.azurite"
  "$azurite" --silent --disableTelemetry --skipApiVersionCheck --location "$root/.azurite" >"$root/.azurite/azurite.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null && break; sleep 0.1; done
fi

if $networks; then
  echo "==> Starting fake X, Bluesky and Mastodon APIs on loopback (each serves one customer mention)"
  env_file="$root/.azurite/fake-networks.env"
  rm -f "$env_file"
  dotnet "$root/tools/SocialBot.FakeNetworks/bin/Release/net10.0/SocialBot.FakeNetworks.dll" --env-file "$env_file" --seed &
  pids+=($!)
  for _ in $(seq 1 100); do [ -s "$env_file" ] && break; sleep 0.1; done
  # SocialBot:Networks:* (the fakes' URLs and the credentials they made up), FAKE_*_URL for the checks below.
  # shellcheck disable=SC1090
  . "$env_file"
  export SocialBot__Networks__PollSchedule="*/2 * * * * *"
  for network in X Bluesky Mastodon; do export "SocialBot__Networks__${network}__PollSeconds=5"; done
fi

if $demo || $networks; then
  # Staffed one hour a day, twelve hours from now (UTC): closed now, so every mention gets the after-hours reply.
  open_hour=$(( ($(date -u +%-H) + 12) % 24 ))
  window=$(printf "%02d:00-%02d:00" "$open_hour" $(( (open_hour + 1) % 24 )))
  export SocialBot__StaffedHours__TimeZone=UTC
  for day in Monday Tuesday Wednesday Thursday Friday Saturday Sunday; do
    export "SocialBot__StaffedHours__Weekly__${day}__0=$window"
  done
  echo "==> Demo: staffed hours set to $window UTC every day, so it is after hours now and mentions get an automatic acknowledgement"
fi

# The agents' inbox signs in through the development sign-in (loopback only) on the local run.
export SocialBot__Inbox__DevSignIn=true
inbox_url="http://127.0.0.1:7071/inbox/dev-signin?agent=${USER:-agent}&roles=Agent,Supervisor"
echo "==> Starting SocialBot on the local host (http://127.0.0.1:7071, log in .azurite/socialbot.log)"
(cd "$root/src/SocialBot.LocalHost/bin/Release/net10.0" && exec dotnet SocialBot.LocalHost.dll) >"$root/.azurite/socialbot.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 200); do curl -fs http://127.0.0.1:7071/api/health >/dev/null 2>&1 && break; sleep 0.1; done

echo
socialbot hours --format text
echo
if $networks; then
  echo "==> Waiting for SocialBot to poll each fake network and post its reply back (polls every 5 s)"
  for _ in $(seq 1 60); do
    answered=0
    for url in "$FAKE_X_URL" "$FAKE_BLUESKY_URL" "$FAKE_MASTODON_URL"; do
      [ "$(curl -fs "$url/_fake/posts")" != "[]" ] && answered=$((answered + 1))
    done
    [ "$answered" = "3" ] && break
    sleep 1
  done
  for url in "$FAKE_X_URL" "$FAKE_BLUESKY_URL" "$FAKE_MASTODON_URL"; do
    curl -fs "$url/_fake/mentions" >"$root/.azurite/fake-mentions.json"
    curl -fs "$url/_fake/posts" >"$root/.azurite/fake-posts.json"
    python3 - "$root/.azurite/fake-mentions.json" "$root/.azurite/fake-posts.json" <<'PY'
import json, sys
mentions, posts = (json.load(open(path)) for path in sys.argv[1:3])
for mention in mentions:
    print(f"\n[{mention['network']}] mention in:   @{mention['author']} ({mention['id']}): {mention['text']}")
    replies = [post for post in posts if post["inReplyTo"] == mention["id"]]
    for post in replies:
        print(f"[{post['network']}] reply posted back to the fake ({post['id']}, in reply to {post['inReplyTo']}): {post['text']}")
    if not replies:
        print(f"[{mention['network']}] no reply posted back yet (see .azurite/socialbot.log)")
PY
  done
  echo
  echo "==> Each network's state (socialbot networks)"
  socialbot networks --format text
else
  echo "==> Sending the sample mentions (samples/mentions)"
  for mention in "$root"/samples/mentions/*.json; do
    socialbot send --mention "$mention" --format text || true
  done
fi

for _ in $(seq 1 50); do
  pending=$(socialbot status | python3 -c 'import json,sys; print(json.load(sys.stdin)["pending"])')
  [ "$pending" = "0" ] && break
  sleep 0.2
done
sleep 1

echo
if $networks; then
  echo "==> Replies kept in the local outbox instead (socialbot replies list; empty when every network posted its own)"
else
  echo "==> What SocialBot replied (socialbot replies list)"
fi
socialbot replies list --format text
echo
echo "==> What it handed off and the outcome counts (socialbot status)"
socialbot status --format text
echo
echo "==> The agents' inbox: open $inbox_url"
echo
if $demo; then
  exit 0
fi
echo "SocialBot is running. Send more with: ./socialbot send --mention FILE   (agents: ./socialbot agent next)"
echo "Press Ctrl+C to stop."
wait
