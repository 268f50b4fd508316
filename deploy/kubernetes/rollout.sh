#!/usr/bin/env bash
# Rolls out a release of the hub: sets the image tag, runs the migration Job and waits for it
# (with a deadline), then applies everything else and waits for the Deployments.
#
#   deploy/kubernetes/rollout.sh 0.2.0
#
# The tag goes into image/kustomization.yaml (used by this kustomization and migrate/): commit it.
# Needs kubectl with access to the cluster, secrets.env and backup-s3.env beside this script
# (from the *.example files). NAMESPACE (default interkom); MIGRATION_TIMEOUT in seconds
# (default 900, the Job's own activeDeadlineSeconds). On a first install the database is created
# first: the hub's pods then wait, not ready, until the Job has migrated it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ns=${NAMESPACE:-interkom}
deadline=${MIGRATION_TIMEOUT:-900}
job=interkom-migrate

die() { echo "rollout.sh: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: $0 IMAGE_TAG"
tag=$1
[[ $tag =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "not an image tag: $tag"
[ "$tag" != latest ] || die "pin a version: 'latest' cannot be rolled back to"
command -v kubectl >/dev/null || die "kubectl is not installed"
for f in secrets.env backup-s3.env; do
  [ -f "$here/$f" ] || die "$here/$f is missing: copy $f.example and set its values"
  ! grep -q 'change-me' "$here/$f" || die "$here/$f still has change-me values"
done

# 1. The image: one tag for the Deployments and the Job.
sed -i.bak -E "s/^( *newTag: ).*/\1\"$tag\"/" "$here/image/kustomization.yaml" && rm -f "$here/image/kustomization.yaml.bak"
grep -q "newTag: \"$tag\"" "$here/image/kustomization.yaml" || die "could not set the tag in image/kustomization.yaml"
kubectl kustomize "$here" >/dev/null
kubectl kustomize "$here/migrate" >/dev/null
echo "image tag $tag"

# 2. First install: the database (and everything else) first; the Job needs its interkom-db-app Secret.
if ! kubectl -n "$ns" get clusters.postgresql.cnpg.io interkom-db >/dev/null 2>&1; then
  echo "first install: creating the database"
  kubectl apply -k "$here"
  kubectl -n "$ns" wait clusters.postgresql.cnpg.io/interkom-db --for=condition=Ready --timeout=20m
fi

# 3. The migrations. A Job's pod template cannot change: the previous release's Job goes first.
kubectl -n "$ns" delete job "$job" --ignore-not-found --wait=true
kubectl apply -k "$here/migrate"
echo "waiting up to ${deadline}s for the migrations"
end=$((SECONDS + deadline))
while :; do
  conditions=" $(kubectl -n "$ns" get job "$job" -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}') "
  case $conditions in
    *" Complete "*) echo "migrations applied"; break ;;
    *" Failed "*) kubectl -n "$ns" logs "job/$job" --tail=100 || true; die "the migration Job failed: nothing else was changed" ;;
  esac
  if [ $SECONDS -ge $end ]; then
    kubectl -n "$ns" logs "job/$job" --tail=100 || true
    die "the migrations did not finish within ${deadline}s: nothing else was changed"
  fi
  sleep 5
done

# 4. Everything else; the new pods become ready now that the schema is theirs.
kubectl apply -k "$here"
kubectl -n "$ns" rollout status deployment/interkom-api --timeout=10m
kubectl -n "$ns" rollout status deployment/interkom-outbox-worker --timeout=10m
echo "release $tag is out; commit $here/image/kustomization.yaml"
