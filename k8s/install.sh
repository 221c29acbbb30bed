#!/usr/bin/env bash
# Installs prow from a config repository: creates the ConfigMaps and Secrets from files, then applies an overlay.
# Usage: k8s/install.sh CONFIG_DIR [OVERLAY]   (OVERLAY defaults to k8s/overlays/example)
# CONFIG_DIR holds config.yaml, plugins.yaml, jobs/ and secrets/ with: hmac, github-token, github-oauth-config.json,
# admin-token, database (the PostgreSQL connection string), s3-credentials.json, tls.crt and tls.key.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
config=${1:?usage: install.sh CONFIG_DIR [OVERLAY]}
overlay=${2:-$here/overlays/example}
namespace=prow
secrets=$config/secrets

apply() { kubectl -n "$namespace" "$@" --dry-run=client -o yaml | kubectl apply -f -; }

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
apply create configmap config --from-file=config.yaml="$config/config.yaml"
apply create configmap plugins --from-file=plugins.yaml="$config/plugins.yaml"
apply create configmap job-config --from-file="$config/jobs"
apply create secret generic hmac-token --from-file=hmac="$secrets/hmac"
apply create secret generic github-token --from-file=token="$secrets/github-token"
apply create secret generic github-oauth-config --from-file=config.json="$secrets/github-oauth-config.json"
apply create secret generic admin-token --from-file=token="$secrets/admin-token"
apply create secret generic prow-database --from-file=connection="$secrets/database"
apply create secret generic s3-credentials --from-file=service-account.json="$secrets/s3-credentials.json"
apply create secret tls prow-tls --cert="$secrets/tls.crt" --key="$secrets/tls.key"
kubectl apply -k "$overlay"
