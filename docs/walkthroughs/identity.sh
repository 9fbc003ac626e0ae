#!/usr/bin/env bash
# Sign up, sign in, who am I, sign out. BASE is where Strata listens; EMAIL is new on every run.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
EMAIL=${EMAIL:-ada-$(date +%s)-$RANDOM@example.com}

# Sign up: 201 Created, with Location and ETag
curl -si -w '\n' -X POST "$BASE/v1/accounts" \
  -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse battery staple\",\"display_name\":\"Ada Lovelace\"}"

# Sign in: 201 Created; the body carries the bearer token (shown only this once)
TOKEN=$(curl -s -X POST "$BASE/v1/sessions" \
  -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse battery staple\"}" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')

# Who am I: 200 with the session and its account
curl -si -w '\n' "$BASE/v1/sessions/me" -H "Authorization: Bearer $TOKEN"

# Sign out: 204; the token no longer works (401)
curl -si -w '\n' -X DELETE "$BASE/v1/sessions/me" -H "Authorization: Bearer $TOKEN"
curl -si -w '\n' "$BASE/v1/sessions/me" -H "Authorization: Bearer $TOKEN"
