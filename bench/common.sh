# Sourced by bench/run, bench/startup-ab and bench/ab: waiting for a server, signing in the bench
# account, a process's CPU time, reading the app's shipped JVM options, and the statistics they print.

# wait_for_200 <url> <seconds>, sending READY_HEADER ("Name: value") when it is set.
wait_for_200() {
  local url="$1" seconds="$2" deadline header=()
  [[ -n "${READY_HEADER:-}" ]] && header=(-H "$READY_HEADER")
  deadline=$(( $(date +%s) + seconds ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$url" 2>/dev/null)" == 200 ]]; do
    [[ $(date +%s) -ge $deadline ]] && return 1
    sleep 0.01
  done
}

# read_shipped_options <root>: SHIPPED_JVM_OPTIONS from <root>/app/target/strata.jvm-options, which
# the build writes (heap, collector, the AOT cache or class-data archive next to the jar), comments
# dropped, paths resolved against <root>. Fails when the file is missing.
read_shipped_options() {
  local file="$1/app/target/strata.jvm-options"
  [[ -f "$file" ]] || { echo "$file is missing: the build writes it" >&2; return 1; }
  read -r -a SHIPPED_JVM_OPTIONS <<<"$(sed -E 's/#.*$//; s#=app/#='"$1"'/app/#g' "$file" | tr '\n' ' ')"
}

# uncached_options: UNCACHED_JVM_OPTIONS, the shipped options without the AOT cache or class-data archive
# the build wrote next to the jar (and the cache's -XX:-AOTReplayTraining): the JVM then maps only the
# JDK's own class-data archive. Call after read_shipped_options.
uncached_options() {
  local option
  UNCACHED_JVM_OPTIONS=()
  for option in "${SHIPPED_JVM_OPTIONS[@]}"; do
    [[ "$option" == *AOTCache* || "$option" == *AOTReplayTraining || "$option" == *SharedArchive* ]] \
      || UNCACHED_JVM_OPTIONS+=("$option")
  done
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }
minimum() { sort -g | head -1; }
maximum() { sort -g | tail -1; }
column() { awk -v n="$2" '{ print $n }' "$1"; }

# CPU time a process has used so far, in clock ticks (user + system).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# resident_mib <pid> <VmRSS|VmHWM>: a process's resident size now (VmRSS) or at its largest (VmHWM), in MiB.
resident_mib() { awk -v field="$2" '$1 == field ":" { print int($2 / 1024) }' "/proc/$1/status"; }

# A free TCP port on the loopback interface.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Signs up the bench account and prints a bearer token for it.
token_for() {
  local base="$1"
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple","display_name":"Bench"}' \
    "$base/v1/accounts"
  curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple"}' "$base/v1/sessions" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# The order every creating scenario sends (bench/run, its peers, bench/rss).
ORDER_BODY='{"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unit_price":"12.50"},{"sku":"PEN-7","quantity":3,"unit_price":"1.99"}],"comment":"gift"}'

# idempotency_keys_lua <prefix>: a wrk script's request function that gives every request an
# Idempotency-Key of its own (or each would be a replay of the first).
idempotency_keys_lua() {
  cat <<LUA
local run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
local counter = 0
function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "$1-" .. run .. "-" .. counter
  return wrk.format()
end
LUA
}

# seed_orders <base URL> <token> <psql> <psql connection options...>: 100,000 orders
# (bench/pgbench/seed-orders.sql) for the token's account; prints the account's id.
seed_orders() {
  local base="$1" token="$2" psql="$3" account
  shift 3
  account="$(curl -sf -H "Authorization: Bearer $token" "$base/v1/sessions/me" | sed -E 's/.*"account":\{"id":"([^"]+)".*/\1/')"
  "$psql" -q "$@" -v ON_ERROR_STOP=1 -v owner="$account" -f "$(dirname "${BASH_SOURCE[0]}")/pgbench/seed-orders.sql"
  echo "$account"
}
