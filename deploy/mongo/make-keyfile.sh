#!/bin/sh
# The replica set's internal key (mongod --keyFile): made once, on the first `docker compose up`, inside the
# mongo-keyfile volume. mongod refuses a key others can read, so it belongs to mongod's user (uid 999 in the
# official image) with mode 0400. 756 random bytes in base64 are 1008 characters, inside mongod's 6–1024 limit.
set -eu
key=/keyfile/keyfile
if [ -s "$key" ]; then
  echo "replica set key already present"
  exit 0
fi
umask 077
head -c 756 /dev/urandom | base64 | tr -d '\n' > "$key.tmp"
chown 999:999 "$key.tmp"
chmod 0400 "$key.tmp"
mv "$key.tmp" "$key"
echo "replica set key created"
