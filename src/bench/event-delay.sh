#!/usr/bin/env bash
# Delay from a command to its webhook delivery and to its Server-Sent Event, with three packaged
# replicas on one embedded database (ClusterPackagedIT): commands go through replicas a and c, the
# SSE client listens on b, the webhook receiver is a local HTTP server. Each ticket makes three
# events (created, public reply, assigned), one command at a time. The delay is measured from the
# event's occurredAt (taken inside the command, just before its commit) to arrival, on one clock.
# Prints one line with p50, p99 and max for both paths.
# Usage: src/bench/event-delay.sh [tickets]   (default 100, i.e. 300 events)
set -euo pipefail
cd "$(dirname "$0")/../.."
TICKETS=${1:-100}
./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterPackagedIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcluster.tickets="$TICKETS" | grep -E '^cluster of|Tests run:|BUILD'
