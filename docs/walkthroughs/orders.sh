#!/usr/bin/env bash
# Orders, with curl and jq. BASE is where Strata listens; the buyer is new on every run.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
EMAIL="buyer-$(date +%s)-$RANDOM@example.com"
curl -s -X POST $BASE/v1/accounts -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse battery staple\",\"display_name\":\"Buyer\"}"; echo
TOKEN=$(curl -s -X POST $BASE/v1/sessions -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse battery staple\"}" | jq -r .token)

# Create an order with an idempotency key. Prices are decimal strings; the server computes the
# amount. Sending the same request again (a retry after a timeout, say) returns the same order with
# `Idempotent-Replayed: true` instead of creating a second one; the same key with another body is a 422.
KEY=$(uuidgen 2>/dev/null || date +%s%N)
ORDER='{"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unit_price":"12.50"},{"sku":"PEN-7","quantity":3,"unit_price":"1.99"}],"comment":"gift"}'
curl -s -i -X POST $BASE/v1/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $KEY" -d "$ORDER"; echo
curl -s -i -X POST $BASE/v1/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $KEY" -d "$ORDER" | grep -i -e '^HTTP' -e '^idempotent-replayed' -e '^location'
ID=$(curl -s -X POST $BASE/v1/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $KEY" -d "$ORDER" | jq -r .id)

# A couple more orders, then filter, sort and project (`in` takes a comma list; `sort` keys are
# `-desc`/`+asc`, written `%2B` in a URL; the `id` is always in `fields`):
for PRICE in 5.00 150.00; do
  curl -s -o /dev/null -X POST $BASE/v1/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"currency\":\"USD\",\"items\":[{\"sku\":\"MUG-3\",\"quantity\":1,\"unit_price\":\"$PRICE\"}]}"
done
curl -s "$BASE/v1/orders?state=in:open,paid&amount=gte:20&sort=-created_at,%2Bamount&fields=id,amount,currency" \
  -H "Authorization: Bearer $TOKEN" | jq .
curl -s "$BASE/v1/orders?sku=MUG-3&currency=USD&fields=amount" -H "Authorization: Bearer $TOKEN" | jq '.data'

# Page through with `limit`: the `next` link (also in the `Link` header, with `prev` and `first`)
# carries the filters and sort; its `page_token` only works with them. Links are relative references
# (`/v1/orders?...`) unless `STRATA_PUBLIC_URL` is set.
curl -s -D - -o /dev/null "$BASE/v1/orders?currency=USD&limit=1" -H "Authorization: Bearer $TOKEN" | grep -i '^link'
NEXT=$(curl -s "$BASE/v1/orders?currency=USD&limit=1" -H "Authorization: Bearer $TOKEN" | jq -r .next)
curl -s "$BASE$NEXT" -H "Authorization: Bearer $TOKEN" | jq '{data: [.data[].amount], has_more, next}'

# A conditional update: read the order's `ETag`, then change it under `If-Match`. Without `If-Match`
# the server answers 428; with a stale one, 412 (someone changed it since you read it).
ETAG=$(curl -s -D - -o /dev/null $BASE/v1/orders/$ID -H "Authorization: Bearer $TOKEN" | grep -i '^etag' | cut -d' ' -f2 | tr -d '\r')
curl -s -X PATCH $BASE/v1/orders/$ID -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/merge-patch+json' -H "If-Match: $ETAG" -d '{"comment":"birthday gift"}' | jq '{comment, amount, version}'
curl -s -X PATCH $BASE/v1/orders/$ID -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/merge-patch+json' -H "If-Match: $ETAG" -d '{"comment":"too late"}' | jq '{status, code}'
ETAG=$(curl -s -D - -o /dev/null $BASE/v1/orders/$ID -H "Authorization: Bearer $TOKEN" | grep -i '^etag' | cut -d' ' -f2 | tr -d '\r')
curl -s -X PATCH $BASE/v1/orders/$ID -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json-patch+json' -H "If-Match: $ETAG" \
  -d '[{"op":"test","path":"/currency","value":"EUR"},{"op":"replace","path":"/items/0/quantity","value":1}]' | jq '{amount, version}'

# Cancel it: the cancellation is a resource of its own (201, then readable); cancelling twice is a 409.
curl -s -i -X POST $BASE/v1/orders/$ID/cancellation -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"reason":"ordered twice"}'; echo
curl -s $BASE/v1/orders/$ID/cancellation -H "Authorization: Bearer $TOKEN" | jq .
curl -s -X POST $BASE/v1/orders/$ID/cancellation -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"reason":"again"}' | jq '{status, code}'
curl -s $BASE/v1/orders/$ID -H "Authorization: Bearer $TOKEN" | jq '{state, _links}'
