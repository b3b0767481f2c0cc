#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image; the zip is unpacked in
# /autograder/source (built by `npm run gradescope:build`).
# Assumptions: Gradescope's Ubuntu base image (22.04 — choose it in the autograder settings), apt
# and network access during setup (not while grading), x86-64. Node 20 comes from NodeSource's
# apt repository; the npm dependencies are those of package-lock.json, dev ones included (tsx,
# typescript and esbuild run the grader). `--ignore-scripts` skips the project's `prepare` step
# (the notebook package and type declarations, which grading does not use) and zeromq's build
# (tslab's, for Jupyter only); esbuild's binary ships in its platform package.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl gnupg
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y --no-install-recommends nodejs
cd /autograder/source
npm ci --ignore-scripts --no-audit --no-fund
node --version
node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error("Node >= 20.19 is required"); process.exit(1); }'
