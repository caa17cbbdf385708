#!/usr/bin/env bash
# Checks what the Dockerfile does without Docker: copies what it COPYs into a temp folder, runs
# its `npm ci --omit=dev`, starts its CMD with no terminal and no token as an unprivileged user
# when run as root, runs its HEALTHCHECK command, then stops the bot with SIGTERM.
#   deploy/smoke-image.sh     (needs the npm registry; takes about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r package.json package-lock.json tsconfig.json src commands seeds "$work/"
mkdir "$work/data"
cd "$work"
npm ci --omit=dev --no-audit --no-fund
test ! -e node_modules/vitest || { echo "dev dependencies were installed" >&2; exit 1; }

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as=()
if [ "$(id -u)" = 0 ]; then chown -R nobody "$work/data"; chmod -R a+rX "$work"; as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --); fi
# The image's ENV and CMD, stdin from /dev/null as under Docker.
env -i PATH="$PATH" HOME="$work" NODE_ENV=production DATA_DIR="$work/data" WEB_HOST=0.0.0.0 PORT="$port" \
  "${as[@]}" node --import tsx src/main.ts </dev/null 2>"$work/log" &
pid=$!
for _ in $(seq 60); do
  # The HEALTHCHECK command, as the image runs it.
  if PORT=$port node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz" || { cat "$work/log" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid"; code=$?
cat "$work/log"
echo "healthy; exit code after SIGTERM: $code"
