# Sourced by bench/run: the peers, servers written with other frameworks (bench/peers/*) that
# implement GET /v1/sessions/me and POST /v1/orders over the database of Strata's PostgreSQL
# scenario. Each is started like the other servers (pinned to SERVER_CPU), checked for correctness
# before it is timed, and measured round-robin with everything else; start-up and RSS too.

# name -> the jar `java -jar` runs, and the arguments after it.
declare -A PEER_JARS=(
  [spring]="$ROOT/bench/peers/spring-boot/target/strata-peer-spring-boot.jar"
  [dropwizard]="$ROOT/bench/peers/dropwizard/target/strata-peer-dropwizard.jar"
  [quarkus]="$ROOT/bench/peers/quarkus/target/quarkus-app/quarkus-run.jar"
)
declare -A PEER_ARGS=([spring]="" [dropwizard]="server peer.yml" [quarkus]="")
declare -A PEER_DIRS=([spring]=spring-boot [dropwizard]=dropwizard [quarkus]=quarkus)
declare -A PEER_LABELS=([spring]="Spring Boot 4.0.7" [dropwizard]="Dropwizard 5.0.1" [quarkus]="Quarkus 3.33.2 (JVM)")
declare -A PEER_PORTS=([spring]=$((PORT + 20)) [dropwizard]=$((PORT + 21)) [quarkus]=$((PORT + 22)))
PEER_NAMES=(spring dropwizard quarkus)

# The peer modules of this checkout (a folder with a pom.xml that bench/peers/pom.xml lists), as
# -pl paths ("bench/peers/spring-boot,..."). A peer left out has no jar, and its row says so.
peer_modules() {
  local name dir list=""
  for name in "${PEER_NAMES[@]}"; do
    dir="${PEER_DIRS[$name]}"
    if [[ -f "$ROOT/bench/peers/$dir/pom.xml" ]] && grep -q "<module>$dir</module>" "$ROOT/bench/peers/pom.xml"; then
      list="$list,bench/peers/$dir"
    fi
  done
  echo "${list#,}"
}

# peer_command <name> <port>: sets PEER_CMD to the peer's command line, configured by the
# environment as every peer is (docs/BENCHMARKS.md): the same database, pool size and token keys
# (STRATA_TOKEN_KEYS, exported by bench/run) as Strata's app.
PEER_CMD=()
peer_command() {
  local name="$1" port="$2"
  PEER_CMD=(env PEER_PORT="$port" PEER_ADMIN_PORT=$((port + 10))
    PEER_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE" PEER_DB_USER="$PG_USER" PEER_DB_PASSWORD=
    PEER_POOL_SIZE="$POOL_SIZE" "$JAVA" -jar "${PEER_JARS[$name]}")
  # shellcheck disable=SC2206 # PEER_ARGS holds words
  PEER_CMD+=(${PEER_ARGS[$name]})
}

# The reason a peer has no figures, for the report ("" when it was measured).
peer_status() { cat "$WORK/peer-$1.status" 2>/dev/null || true; }

# check_server <name> <base URL> <token> <account id>: what every server must answer before it is
# timed. Prints what was wrong and fails, or prints nothing.
check_server() {
  local name="$1" base="$2" token="$3" account="$4" answer code forged key first second
  answer="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" "$base/v1/sessions/me")"
  code="${answer##*$'\n'}"
  if [[ "$code" != 200 || "$answer" != *"\"$account\""* || "$answer" != *'"bench@example.com"'* ]]; then
    echo "a signed-in GET /v1/sessions/me answered $code without the bench account"
    return 1
  fi
  # The same token with another last character of its signature.
  forged="${token%?}$([[ "${token: -1}" == A ]] && echo B || echo A)"
  code="$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H "Authorization: Bearer $forged" "$base/v1/sessions/me")"
  if [[ "$code" != "401 application/problem+json"* ]]; then
    echo "a forged token got \"$code\", not a 401 application/problem+json"
    return 1
  fi
  key="check-$name-$(date +%s%N)"
  first="$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" -d "$ORDER_BODY" "$base/v1/orders")"
  second="$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" -d "$ORDER_BODY" "$base/v1/orders")"
  local first_id second_id
  first_id="$(grep -o '"id":"ord_[0-9a-z]*"' <<<"$first" | head -1 | cut -d'"' -f4)"
  second_id="$(grep -o '"id":"ord_[0-9a-z]*"' <<<"$second" | head -1 | cut -d'"' -f4)"
  if [[ "${first##*$'\n'}" != 201 || -z "$first_id" || "$first" != *'"amount":"30.97"'* ]]; then
    echo "POST /v1/orders answered ${first##*$'\n'} without an order of 30.97"
    return 1
  fi
  if [[ "${second##*$'\n'}" != "${first##*$'\n'}" || "$second_id" != "$first_id" ]]; then
    echo "a replayed Idempotency-Key answered ${second##*$'\n'} ${second_id:-without an order}, not ${first##*$'\n'} $first_id"
    return 1
  fi
}

# start_peers <Strata's base URL> <token>: every peer whose jar is built, on the database Strata's
# PostgreSQL scenario migrated and seeded, checked, then added to the scenarios.
start_peers() {
  local base="$1" token="$2" account name port problem
  account="$(curl -sf -H "Authorization: Bearer $token" "$base/v1/sessions/me" | grep -o '"acct_[0-9a-z]*"' | head -1 | tr -d '"')"
  if problem="$(check_server strata "$base" "$token" "$account")"; then
    log "strata (PostgreSQL) passed the peers' correctness check"
  else
    log "strata (PostgreSQL) FAILED the peers' correctness check: $problem"
  fi
  for name in "${PEER_NAMES[@]}"; do
    port="${PEER_PORTS[$name]}"
    if [[ ! -f "${PEER_JARS[$name]}" ]]; then
      echo "not built: no ${PEER_JARS[$name]#"$ROOT/"}" >"$WORK/peer-$name.status"
      log "peer $name skipped: ${PEER_JARS[$name]#"$ROOT/"} is absent (not in this checkout, or not built)"
      continue
    fi
    peer_command "$name" "$port"
    taskset -c "$SERVER_CPU" "${PEER_CMD[@]}" >"$WORK/$name.log" 2>&1 &
    PIDS[$name]=$!
    if ! READY_HEADER="Authorization: Bearer $token" wait_for_200 "http://127.0.0.1:$port/v1/sessions/me" "$START_TIMEOUT"; then
      echo "did not start (see the log below the table)" >"$WORK/peer-$name.status"
      log "peer $name did not start; its log:"
      tail -20 "$WORK/$name.log" >&2
      stop_server "$name"
      continue
    fi
    log "peer $name is up (pid ${PIDS[$name]})"
    if ! problem="$(check_server "$name" "http://127.0.0.1:$port" "$token" "$account")"; then
      echo "failed its correctness check: $problem" >"$WORK/peer-$name.status"
      log "peer $name FAILED its correctness check, so it is not timed: $problem"
      stop_server "$name"
      continue
    fi
    log "peer $name passed its correctness check"
    scenario "${name}_me" "$name" "http://127.0.0.1:$port/v1/sessions/me" "$CONNECTIONS" GET "" \
      "Authorization: Bearer $token"
    scenario "${name}_orders" "$name" "http://127.0.0.1:$port/v1/orders" "$CONNECTIONS" POST "$ORDER_BODY" \
      "Authorization: Bearer $token" "Content-Type: application/json"
    fresh_idempotency_keys "${name}_orders"
  done
}

# Start-up to ready on the migrated PostgreSQL database, the same definition for Strata and every
# peer: from `java -jar` to the first 200 of an authenticated GET /v1/sessions/me (the bench
# account's token, signed by the shared STRATA_TOKEN_KEYS), a fresh JVM each time, pinned to one
# core and free on all. Runs while the database still holds the bench account.
peer_startups() {
  [[ -s "$WORK/pg-token" ]] || return 0
  local token all_cpus="$SERVER_CPU,$LOAD_CPU" name cpus
  token="$(cat "$WORK/pg-token")"
  for cpus in 1 2; do
    local set="$SERVER_CPU"
    [[ "$cpus" == 2 ]] && set="$all_cpus"
    READY_HEADER="Authorization: Bearer $token" bench_startup "strata-pg-$cpus" "http://127.0.0.1:$PORT/v1/sessions/me" "$set" \
      env STRATA_ADMIN_PORT=$((PORT + 10)) "${APP[@]}" --port "$PORT" --data-dir "$WORK/startup-pg-data" \
      --db-url "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE" --db-user "$PG_USER" --db-pool-size "$POOL_SIZE"
    for name in "${PEER_NAMES[@]}"; do
      [[ -z "$(peer_status "$name")" ]] || continue
      peer_command "$name" "$PORT"
      READY_HEADER="Authorization: Bearer $token" bench_startup "$name-$cpus" "http://127.0.0.1:$PORT/v1/sessions/me" "$set" \
        "${PEER_CMD[@]}"
    done
  done
}
