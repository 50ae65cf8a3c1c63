#!/usr/bin/env bash
# Measures start-up time, raw Argon2id verifications per second, login throughput of the
# packaged jar, and what authentication costs a request, all on 127.0.0.1. Needs a built jar
# (mvn -q package -DskipTests), a JDK, curl and wrk.
# Usage: bench/run.sh [seconds per load run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-15}
jar=bootstrap/target/anycheck-auth.jar
port=18790
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$jar" ]] || { echo "Build the jar first: mvn -q package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing; on Debian: apt-get install wrk" >&2; exit 1; }

export ANYCHECK_HOST=127.0.0.1 ANYCHECK_PORT=$port ANYCHECK_LOG_LEVEL=WARN
export ANYCHECK_DB_URL="jdbc:h2:file:$work/anycheck"

start_server() {
  java -jar "$jar" serve > "$work/serve.out" 2> "$work/serve.err" &
  server_pid=$!
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

echo "== Start-up: process start to first 200 from /health, fresh H2 file database"
for run in 1 2 3; do
  rm -rf "$work"/anycheck*
  started=$(date +%s%N)
  start_server
  until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do sleep 0.01; done
  ready=$(date +%s%N)
  echo "run $run: $(( (ready - started) / 1000000 )) ms, resident memory $(ps -o rss= -p "$server_pid") KiB"
  stop_server
done

echo "== Raw Argon2id verifications (the service's hasher, default parameters)"
javac -d "$work/classes" -cp "$jar" bench/HashRate.java
java -cp "$jar:$work/classes" HashRate "$(nproc)" "$seconds"

echo "== Login throughput (POST /auth/login, right password)"
printf 'bench password 1\n' | java -jar "$jar" provision-org --name Bench --plan business \
  --admin-email bench@bench.example --admin-name Bench --admin-password-stdin > /dev/null
start_server
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do sleep 0.05; done
cat > "$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"email":"bench@bench.example","password":"bench password 1"}'
wrk.headers["Content-Type"] = "application/json"
LUA
echo "-- warm-up, 64 concurrent clients, ${seconds}s (not reported)"
wrk -t "$(nproc)" -c 64 -d "${seconds}s" -s "$work/login.lua" "http://127.0.0.1:$port/auth/login" > /dev/null
for connections in "$(nproc)" 64; do
  echo "-- $connections concurrent clients, ${seconds}s"
  wrk -t "$(nproc)" -c "$connections" -d "${seconds}s" -s "$work/login.lua" "http://127.0.0.1:$port/auth/login" \
    | grep -E "Latency|Requests/sec|Non-2xx"
done
stop_server

echo "== Authentication cost: a trivial handler bare, behind a bearer token, behind API keys"
javac -d "$work/auth-classes" -cp "$jar" bench/id/anycheck/auth/bootstrap/AuthOverhead.java
java -cp "$jar:$work/auth-classes" id.anycheck.auth.bootstrap.AuthOverhead "$seconds"
