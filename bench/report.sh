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

### JMH (core $SERVER_CPU)

| benchmark | mode | score | error (99.9%) | unit |
|---|---|---|---|---|
$(if [[ -s "$WORK/jmh.csv" ]]; then tail -n +2 "$WORK/jmh.csv" | tr -d '"\r' | awk -F, '{ sub(/^dev\.strata\.bench\.micro\./, "", $1); printf "| %s | %s | %.3f | %.3f | %s |\n", $1, $2, $5, $6, $7 }'; else echo "| (skipped) | | | | |"; fi)
EOF
}
