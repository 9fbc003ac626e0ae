# Sourced by bench/run: turns the files a run left in $WORK into markdown tables.

# stat <file> <column> <median|minimum|maximum>: "nan" when the file is missing.
stat_of() {
  [[ -s "$1" ]] || { echo nan; return; }
  column "$1" "$2" | "$3"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "n/a"; else printf "%.0f%%", 100 * a / b }'; }
number() { awk -v a="$1" 'BEGIN { if (a == "nan") print "n/a"; else printf "%.0f", a }'; }
decimal() { awk -v a="$1" 'BEGIN { if (a == "nan") print "n/a"; else printf "%.2f", a }'; }
mebibytes() { awk -v a="$(sort -g "$1" 2>/dev/null | tail -1 || echo nan)" 'BEGIN { if (a == "nan" || a == "") print "n/a"; else printf "%.0f", a / 1024 }'; }
errors_of() { [[ -s "$1" ]] && column "$1" 4 | awk '{ s += $1 } END { print s + 0 }' || echo n/a; }

jmh_score() {
  [[ -s "$WORK/jmh.csv" ]] || { echo nan; return; }
  awk -F, -v name="$1" '{ gsub(/"/, "") } $1 ~ ("\\." name "$") { print $5 }' "$WORK/jmh.csv"
}

# "memory 60, h2 120, ...": the warm-up seconds each scenario took.
warmups() {
  local key list=""
  for key in "${SCENARIOS[@]}"; do
    [[ -s "$WORK/$key.warmup" ]] && list="$list${list:+, }$key $(cat "$WORK/$key.warmup")"
  done
  echo "${list:-none}"
}

row() {
  local label="$1" key="$2" server="${3:-$2}" peak="$WORK/$2.peak" paced="$WORK/$2.paced" rps
  if [[ ! -s "$peak" ]]; then
    echo "| $label | not measured (no PostgreSQL, or the app serves no orders) | | | | | | | | | |"
    return
  fi
  rps="$(stat_of "$peak" 1 median)"
  echo "| $label | $(number "$rps") ($(number "$(stat_of "$peak" 1 minimum)")–$(number "$(stat_of "$peak" 1 maximum)")) \
| $(ratio "$rps" "$(stat_of "$WORK/grizzly.peak" 1 median)") | $(ratio "$rps" "$(stat_of "$WORK/jersey.peak" 1 median)") \
| $(number "$(stat_of "$peak" 5 median)") | $(ratio "$(stat_of "$WORK/jersey.peak" 5 median)" "$(stat_of "$peak" 5 median)") \
| $(decimal "$(stat_of "$peak" 2 median)") / $(decimal "$(stat_of "$peak" 3 median)") \
| $(number "$(stat_of "$paced" 1 median)") | $(decimal "$(stat_of "$paced" 2 median)") / $(decimal "$(stat_of "$paced" 3 median)") \
| $(mebibytes "$WORK/$server.rss_idle") / $(mebibytes "$WORK/$server.rss_samples") | $(( $(errors_of "$peak") + $(errors_of "$paced") )) |"
}

startup_cell() {
  local file="$WORK/startup-$1"
  [[ -s "$file" ]] || { echo "n/a"; return; }
  echo "$(number "$(median <"$file")") ms ($(minimum <"$file")–$(maximum <"$file"))"
}

verdict() { awk -v v="$1" -v goal="$2" -v sense="$3" 'BEGIN {
  if (v == "nan" || v == "") { print "not measured"; exit }
  ok = (sense == "min") ? (v >= goal) : (v <= goal); print ok ? "met" : "missed" }'; }

report() {
  local grizzly jersey memory postgres sign_in verify pgbench pgbench_read h2_one h2_two h2_aot order_post
  grizzly="$(stat_of "$WORK/grizzly.peak" 1 median)"
  jersey="$(stat_of "$WORK/jersey.peak" 1 median)"
  memory="$(stat_of "$WORK/memory.peak" 1 median)"
  postgres="$(stat_of "$WORK/postgres.peak" 1 median)"
  sign_in="$(stat_of "$WORK/sign_in.peak" 1 median)"
  order_post="$(stat_of "$WORK/order_post.peak" 1 median)"
  verify="$(jmh_score 'PasswordHashBenchmark.verify')"
  [[ -z "$verify" ]] && verify=nan
  pgbench="$(median <"$WORK/pgbench.tps" 2>/dev/null || echo nan)"
  [[ -z "$pgbench" ]] && pgbench=nan
  pgbench_read="$(median <"$WORK/pgbench-read.tps" 2>/dev/null || echo nan)"
  [[ -z "$pgbench_read" ]] && pgbench_read=nan
  h2_one="$([[ -s "$WORK/startup-h2-1" ]] && median <"$WORK/startup-h2-1" || echo nan)"
  h2_two="$([[ -s "$WORK/startup-h2-2" ]] && median <"$WORK/startup-h2-2" || echo nan)"
  h2_aot="$([[ -s "$WORK/startup-h2-aot-1" ]] && median <"$WORK/startup-h2-aot-1" || echo nan)"
  local grizzly_two start_ratio postgres_rss
  grizzly_two="$([[ -s "$WORK/startup-grizzly-2" ]] && median <"$WORK/startup-grizzly-2" || echo nan)"
  start_ratio="$(awk -v a="$h2_two" -v b="$grizzly_two" 'BEGIN { if (a != "nan" && b != "nan" && b > 0) printf "%.1f", a / b; else print "nan" }')"
  postgres_rss="$(mebibytes "$WORK/postgres.rss_samples")"
  [[ "$postgres_rss" == n/a ]] && postgres_rss=nan

  cat <<EOF
## Run of $STAMP

Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load average ${LOAD_AT_START:-?} at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end; \
$("$JAVA" -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2).
Server pinned to core $SERVER_CPU, wrk/pgbench to core $LOAD_CPU (PostgreSQL itself is not pinned).
wrk: 1 thread, $CONNECTIONS connections (sign-in: $SIGN_IN_CONNECTIONS), at least ${WARMUP}s warm-up per Strata scenario (half that for the baselines, sign-in and the order scenarios, which share the PostgreSQL scenario's warm JVM), then 10 s rounds until two in a row agree within 5% (at most ${WARMUP_MAX}s; seconds spent: $(warmups)), then
$REPETITIONS × ${DURATION}s peak runs taken round-robin over the scenarios (all servers up at once, each idle
while another is measured); paced runs: $REPETITIONS × ${PACED_DURATION}s, $PACED_CONNECTIONS connections each waiting
${PACED_DELAY_MS} ms (sign-in ${SIGN_IN_PACED_DELAY_MS} ms) between requests. Figures are medians of the runs, (min–max) across
them. Server CPU µs/req is the server process's CPU time (user + system) over requests served during the
peak runs; its ratio to Jersey's is the throughput ratio the two would have on an otherwise idle core. RSS under load is the largest sampled during the server's peak runs (sign-in shares the memory-store server).

| scenario | peak req/s (min–max) | vs Grizzly | vs Jersey | server CPU µs/req | Jersey's CPU/req ÷ this | p50 / p99 ms at peak | paced req/s | p50 / p99 ms paced | RSS MiB idle / under load | errors |
|---|---|---|---|---|---|---|---|---|---|---|
$(row "ceiling: bare Grizzly HttpHandler" grizzly)
$(row "baseline: bare Jersey resource" jersey)
$(row "GET /v1/sessions/me, memory store" memory)
$(row "(analysis) the same without the filters of its promises" unfiltered)
$(row "GET /v1/sessions/me, H2 (file)" h2)
$(row "GET /v1/sessions/me, PostgreSQL" postgres)
$(row "POST /v1/sessions (sign-in), memory store" sign_in memory)
$(row "GET /v1/orders/{id}, PostgreSQL" order_get postgres)
$(row "GET /v1/orders?state=paid&limit=20 (of 100,000), PostgreSQL" order_list postgres)
$(row "POST /v1/orders with Idempotency-Key, PostgreSQL" order_post postgres)

Ceilings: Argon2id verify (JMH, 1 thread, core $SERVER_CPU): $(decimal "$verify") hashes/s; \
pgbench, what POST /v1/orders asks of PostgreSQL (key lookup, then order + 2 items in one transaction, $POOL_SIZE clients): $(number "$pgbench") transactions/s; \
pgbench, what GET /v1/sessions/me asks of PostgreSQL (the session-and-account SELECT, prepared, $POOL_SIZE clients): $(number "$pgbench_read") selects/s.

Start-up to the first 200 from $( [[ "${HAS_ADMIN:-no}" == yes ]] && echo "/health/ready on the admin port" || echo "GET /v1 (this app has no /health/ready)" ) (H2: a fresh data folder each time, so migrations included), median (min–max) of $REPETITIONS:

| server | pinned to 1 core | free on $(nproc) cores |
|---|---|---|
| bare Grizzly (GET /) | $(startup_cell grizzly-1) | $(startup_cell grizzly-2) |
| Strata on H2 | $(startup_cell h2-1) | $(startup_cell h2-2) |
| Strata on H2, restarted on its data (migrations already applied) | $(startup_cell h2-restart-1) | $(startup_cell h2-restart-2) |
| Strata on H2, JDK AOT cache (\`-XX:AOTCache\`, trained once) | $(startup_cell h2-aot-1) | $(startup_cell h2-aot-2) |

### Targets

| target | goal | measured | verdict |
|---|---|---|---|
| authenticated GET, memory store, vs bare Jersey | ≥ 70% | $(ratio "$memory" "$jersey") (by CPU/req: $(ratio "$(stat_of "$WORK/jersey.peak" 5 median)" "$(stat_of "$WORK/memory.peak" 5 median)")) | $(verdict "$(awk -v a="$memory" -v b="$jersey" 'BEGIN { if (a != "nan" && b != "nan" && b > 0) print a / b; else print "nan" }')" 0.70 min) |
| authenticated GET, PostgreSQL, vs bare Jersey | ≥ 50% | $(ratio "$postgres" "$jersey") (by CPU/req, PostgreSQL's own CPU not counted: $(ratio "$(stat_of "$WORK/jersey.peak" 5 median)" "$(stat_of "$WORK/postgres.peak" 5 median)")) | $(verdict "$(awk -v a="$postgres" -v b="$jersey" 'BEGIN { if (a != "nan" && b != "nan" && b > 0) print a / b; else print "nan" }')" 0.50 min) |
| (context, no goal) authenticated GET on PostgreSQL vs pgbench running its SELECT | — | $(ratio "$postgres" "$pgbench_read") | — |
| sign-in vs Argon2 verify rate (same core) | ≥ 90% | $(ratio "$sign_in" "$verify") | $(verdict "$(awk -v a="$sign_in" -v b="$verify" 'BEGIN { if (a != "nan" && b != "nan" && b > 0) print a / b; else print "nan" }')" 0.90 min) |
| POST /v1/orders vs pgbench's insert rate | ≥ 50% | $(ratio "$order_post" "$pgbench") | $(verdict "$(awk -v a="$order_post" -v b="$pgbench" 'BEGIN { if (a != "nan" && b != "nan" && b > 0) print a / b; else print "nan" }')" 0.50 min) |
| start-up to ready on H2 | ≤ 1.5 s | $(number "$h2_one") ms on 1 core, $(number "$h2_two") ms on $(nproc); with an AOT cache $(number "$h2_aot") ms on 1 core | 1 core: $(verdict "$h2_one" 1500 max); $(nproc) cores: $(verdict "$h2_two" 1500 max); AOT cache, 1 core: $(verdict "$h2_aot" 1500 max) |
| start-up to ready on H2, free on $(nproc) cores, vs bare Grizzly's start (the app with the README's JVM options) | ≤ 3× | $(echo "$start_ratio" | sed 's/^nan$/n\/a/')× ($(number "$h2_two") vs $(number "$grizzly_two") ms) | $(verdict "$start_ratio" 3 max) |
| resident memory under load, PostgreSQL app (the README's JVM options) | ≤ 256 MiB | $(echo "$postgres_rss" | sed 's/^nan$/n\/a/') MiB | $(verdict "$postgres_rss" 256 max) |

$( [[ "$PEERS" == 1 ]] && peer_table || echo "Peers: not measured (BENCH_PEERS=0)." )

### JMH (core $SERVER_CPU)

| benchmark | mode | score | error (99.9%) | unit |
|---|---|---|---|---|
$(if [[ -s "$WORK/jmh.csv" ]]; then tail -n +2 "$WORK/jmh.csv" | tr -d '"\r' | awk -F, '{ sub(/^dev\.strata\.bench\.micro\./, "", $1); printf "| %s | %s | %.3f | %.3f | %s |\n", $1, $2, $5, $6, $7 }'; else echo "| (skipped) | | | | |"; fi)
EOF
}

# --- Strata and its peers -------------------------------------------------------------------

# "p50 / p99" of a scenario's paced runs.
paced_cell() {
  [[ -s "$WORK/$1.paced" ]] || { echo "n/a"; return; }
  echo "$(decimal "$(stat_of "$WORK/$1.paced" 2 median)") / $(decimal "$(stat_of "$WORK/$1.paced" 3 median)")"
}

# "median (min–max)" req/s of a scenario's peak runs.
rps_cell() {
  [[ -s "$WORK/$1.peak" ]] || { echo "n/a"; return; }
  echo "$(number "$(stat_of "$WORK/$1.peak" 1 median)") ($(number "$(stat_of "$WORK/$1.peak" 1 minimum)")–$(number "$(stat_of "$WORK/$1.peak" 1 maximum)"))"
}

cpu_cell() { [[ -s "$WORK/$1.peak" ]] && number "$(stat_of "$WORK/$1.peak" 5 median)" || echo "n/a"; }

startup_ms() { [[ -s "$WORK/startup-$1" ]] && median <"$WORK/startup-$1" || echo nan; }

# peer_row <label> <server> <GET scenario> <POST scenario> <start-up key>
peer_row() {
  local label="$1" server="$2" me="$3" orders="$4" startup="$5" status errors
  status="$(peer_status "$server")"
  if [[ -n "$status" ]]; then
    echo "| $label | $status | | | | | | | | | |"
    return
  fi
  errors=$(( $(errors_of "$WORK/$me.peak" | sed 's#n/a#0#') + $(errors_of "$WORK/$me.paced" | sed 's#n/a#0#') \
    + $(errors_of "$WORK/$orders.peak" | sed 's#n/a#0#') + $(errors_of "$WORK/$orders.paced" | sed 's#n/a#0#') ))
  echo "| $label | $(rps_cell "$me") | $(cpu_cell "$me") | $(rps_cell "$orders") | $(cpu_cell "$orders") \
| $(paced_cell "$me") | $(paced_cell "$orders") | $(startup_cell "$startup-1") | $(startup_cell "$startup-2") \
| $(mebibytes "$WORK/$server.rss_idle") / $(mebibytes "$WORK/$server.rss_samples") | $errors |"
}

# The goal of issue 17, checked against the figures of this run: Strata ahead of every peer on CPU
# per request for both endpoints and on start-up, and at or below the leanest peer's RSS.
peer_goals() {
  local name measured=0 figure strata better worse
  for name in "${PEER_NAMES[@]}"; do [[ -z "$(peer_status "$name")" && -s "$WORK/${name}_me.peak" ]] && measured=1; done
  [[ "$measured" == 1 ]] || { echo "No peer was measured in this run: no verdicts."; return; }
  echo "| goal | Strata | best peer | verdict |"
  echo "|---|---|---|---|"
  # what: <label> <Strata's figure> <figure command per peer> ; lower is better for all of these.
  goal_line() {
    local label="$1" strata="$2" fn="$3" unit="$4" best=nan best_name="" value
    for name in "${PEER_NAMES[@]}"; do
      [[ -z "$(peer_status "$name")" ]] || continue
      value="$("$fn" "$name")"
      [[ "$value" == nan || -z "$value" ]] && continue
      if [[ "$best" == nan ]] || awk -v a="$value" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$value"; best_name="$name"; fi
    done
    if [[ "$strata" == nan || -z "$strata" || "$best" == nan ]]; then
      echo "| $label | $(number "${strata:-nan}") $unit | n/a | not measured |"
    else
      echo "| $label | $(number "$strata") $unit | $(number "$best") $unit (${PEER_LABELS[$best_name]}) | $(awk -v a="$strata" -v b="$best" -v op="$5" 'BEGIN { ok = (op == "le") ? (a <= b) : (a < b); print ok ? "met" : "missed" }') |"
    fi
  }
  peer_me_cpu() { stat_of "$WORK/$1_me.peak" 5 median; }
  peer_orders_cpu() { stat_of "$WORK/$1_orders.peak" 5 median; }
  peer_startup() { startup_ms "$1-1"; }
  peer_rss_idle() { [[ -s "$WORK/$1.rss_idle" ]] && awk '{ print $1 / 1024 }' "$WORK/$1.rss_idle" || echo nan; }
  peer_rss_load() { [[ -s "$WORK/$1.rss_samples" ]] && sort -g "$WORK/$1.rss_samples" | tail -1 | awk '{ print $1 / 1024 }' || echo nan; }
  goal_line "CPU per GET /v1/sessions/me below every peer's" "$(stat_of "$WORK/postgres.peak" 5 median)" peer_me_cpu "µs" lt
  goal_line "CPU per POST /v1/orders below every peer's" "$(stat_of "$WORK/order_post.peak" 5 median)" peer_orders_cpu "µs" lt
  goal_line "start-up to ready (1 core) before every peer's" "$(startup_ms strata-pg-1)" peer_startup "ms" lt
  goal_line "RSS idle at or below the leanest peer's" "$(peer_rss_idle postgres)" peer_rss_idle "MiB" le
  goal_line "RSS under load at or below the leanest peer's" "$(peer_rss_load postgres)" peer_rss_load "MiB" le
}

peer_table() {
  cat <<EOF2
### Strata and its peers

The same two endpoints over the same PostgreSQL database (migrated by Strata's app, the bench
account signed up and signed in through it; the peers verify the token Strata issued, with the same
\`STRATA_TOKEN_KEYS\`), pool of $POOL_SIZE connections each, every server pinned to core $SERVER_CPU
and measured round-robin in this same run: GET is an authenticated \`GET /v1/sessions/me\`
(HMAC check + one SELECT of the session with its account), POST is \`POST /v1/orders\` with a fresh
\`Idempotency-Key\` per request (key lookup, order and 2 items in one transaction). Each peer passed
the correctness check before it was timed (a signed-in GET returns the account, a forged token is a
401 problem, a replayed key returns the same order). Start-up: from \`java -jar\` to the first 200 of
an authenticated \`GET /v1/sessions/me\` on the migrated database, a fresh JVM each time, median
(min–max) of $REPETITIONS. RSS under load: the largest sampled during the server's peak runs
(Strata's PostgreSQL server also serves the other order scenarios in a full run). The peers' own
configuration is described in docs/BENCHMARKS.md ("Strata and its peers").

| server | GET req/s (min–max) | GET CPU µs/req | POST req/s (min–max) | POST CPU µs/req | GET p50 / p99 ms paced | POST p50 / p99 ms paced | start-up, 1 core | start-up, $(nproc) cores | RSS MiB idle / under load | errors |
|---|---|---|---|---|---|---|---|---|---|---|
$(peer_row "Strata (app jar, PostgreSQL)" postgres postgres order_post strata-pg)
$(for name in "${PEER_NAMES[@]}"; do peer_row "${PEER_LABELS[$name]}" "$name" "${name}_me" "${name}_orders" "$name"; done)

$(peer_goals)
EOF2
}

report_peers_only() {
  cat <<EOF2
## Run of $STAMP (BENCH_ONLY_PEERS: Strata on PostgreSQL and its peers only)

Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load average ${LOAD_AT_START:-?} at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end; \
$("$JAVA" -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2).
wrk: 1 thread, $CONNECTIONS connections, at least ${WARMUP}s warm-up per GET scenario (half for the POST ones, in the same JVM),
then 10 s rounds until two agree within 5% (at most ${WARMUP_MAX}s; seconds spent: $(warmups)), then $REPETITIONS × ${DURATION}s
peak runs round-robin; paced: $REPETITIONS × ${PACED_DURATION}s, $PACED_CONNECTIONS connections each waiting ${PACED_DELAY_MS} ms between requests.

$(peer_table)
EOF2
}
