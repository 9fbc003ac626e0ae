#!/usr/bin/env bash
# Posts and channels, with curl and jq. BASE is where Strata listens; accounts are new on every run.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
RUN="$(date +%s)-$RANDOM"

# Two accounts, Ada and Bob, each signed in.
for who in ada bob; do
  curl -s -X POST "$BASE/v1/accounts" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$who-$RUN@example.com\",\"password\":\"correct horse battery staple\",\"display_name\":\"$who\"}" > /dev/null
done
ADA=$(curl -s -X POST "$BASE/v1/sessions" -H 'Content-Type: application/json' \
  -d "{\"email\":\"ada-$RUN@example.com\",\"password\":\"correct horse battery staple\"}" | jq -r .token)
BOB_SESSION=$(curl -s -X POST "$BASE/v1/sessions" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bob-$RUN@example.com\",\"password\":\"correct horse battery staple\"}")
BOB=$(echo "$BOB_SESSION" | jq -r .token)
BOB_ID=$(echo "$BOB_SESSION" | jq -r .account.id)

# Ada posts in public, with an idempotency key: sending it again creates nothing new.
KEY="first-post-$RUN"
curl -s -i -X POST "$BASE/v1/posts" -H "Authorization: Bearer $ADA" -H "Idempotency-Key: $KEY" \
  -H 'Content-Type: application/json' -d '{"body":"Hello, שלום, 👋"}'
curl -s -i -X POST "$BASE/v1/posts" -H "Authorization: Bearer $ADA" -H "Idempotency-Key: $KEY" \
  -H 'Content-Type: application/json' -d '{"body":"Hello, שלום, 👋"}'   # 201 again, Idempotent-Replayed: true
POST=$(curl -s "$BASE/v1/posts?q=hello" -H "Authorization: Bearer $BOB" | jq -r '.data[0].id')

# Ada edits it: If-Match carries the ETag of the version she read.
ETAG=$(curl -s -D - -o /dev/null "$BASE/v1/posts/$POST" -H "Authorization: Bearer $ADA" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
curl -s -X PATCH "$BASE/v1/posts/$POST" -H "Authorization: Bearer $ADA" -H "If-Match: $ETAG" \
  -H 'Content-Type: application/merge-patch+json' -d '{"body":"Hello again"}' | jq .
curl -s -X PATCH "$BASE/v1/posts/$POST" -H "Authorization: Bearer $BOB" -H "If-Match: $ETAG" \
  -H 'Content-Type: application/merge-patch+json' -d '{"body":"mine now"}' | jq .code   # "not_the_author" (403)

# A channel: Bob cannot see it until Ada adds him.
CHANNEL=$(curl -s -X POST "$BASE/v1/channels" -H "Authorization: Bearer $ADA" \
  -H 'Content-Type: application/json' -d '{"name":"team"}' | jq -r .id)
curl -s -X POST "$BASE/v1/channels/$CHANNEL/posts" -H "Authorization: Bearer $ADA" \
  -H 'Content-Type: application/json' -d '{"body":"For the team only"}' | jq .
curl -s "$BASE/v1/channels/$CHANNEL/posts" -H "Authorization: Bearer $BOB" | jq .status   # 404
curl -s -o /dev/null -w '%{http_code}\n' -X PUT "$BASE/v1/channels/$CHANNEL/members/$BOB_ID" \
  -H "Authorization: Bearer $ADA"                                                          # 201
curl -s "$BASE/v1/channels/$CHANNEL/members" -H "Authorization: Bearer $BOB" | jq .

# Lists page newest first: follow "next" (or the Link header) until it is null. Links are
# relative (/v1/posts?...) unless STRATA_PUBLIC_URL is set, so resolve them against the base.
curl -s "$BASE/v1/posts?limit=1&fields=id,body" -H "Authorization: Bearer $BOB" | jq .
NEXT=$(curl -s "$BASE/v1/posts?limit=1&fields=id,body" -H "Authorization: Bearer $BOB" | jq -r .next)
curl -s "$BASE$NEXT" -H "Authorization: Bearer $BOB" | jq .
# Posts created between yesterday and tomorrow (UTC dates; the range is half-open).
curl -s "$BASE/v1/posts?between=$(date -u -d yesterday +%F)_$(date -u -d tomorrow +%F)&q=TEAM" -H "Authorization: Bearer $BOB" | jq '.data | length'
curl -s "$BASE/v1/posts?sort=-id" -H "Authorization: Bearer $BOB" | jq .errors   # unknown_parameter

# Ada deletes her public post; after that it is gone for everyone.
curl -s -o /dev/null -w '%{http_code}\n' -X DELETE "$BASE/v1/posts/$POST" -H "Authorization: Bearer $ADA"   # 204
curl -s -o /dev/null -w '%{http_code}\n' "$BASE/v1/posts/$POST" -H "Authorization: Bearer $BOB"             # 404
