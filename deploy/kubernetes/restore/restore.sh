#!/usr/bin/env bash
# Restores production's backups into the scratch cluster interkom-db-restore and checks the result.
#
#   deploy/kubernetes/restore/restore.sh                      newest state in the WAL archive
#   deploy/kubernetes/restore/restore.sh --target-time '2026-11-30 17:45:00+01'   point in time
#   deploy/kubernetes/restore/restore.sh --delete             removes the scratch cluster
#
# Needs kubectl with access to the namespace (NAMESPACE, default interkom) where the production
# Cluster interkom-db and its ObjectStore interkom-backups live. Waits up to RESTORE_TIMEOUT
# (default 60m) for the recovery. A restore drill is worth as much as its last run: do one after
# every PostgreSQL upgrade and at least every quarter.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ns=${NAMESPACE:-interkom}
name=interkom-db-restore
timeout=${RESTORE_TIMEOUT:-60m}
target_time=

die() { echo "restore.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case $1 in
    --target-time) [ $# -ge 2 ] || die "--target-time needs a timestamp"; target_time=$2; shift 2 ;;
    --delete)
      kubectl -n "$ns" delete cluster "$name" --ignore-not-found
      kubectl -n "$ns" delete networkpolicy "$name" --ignore-not-found
      exit 0 ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done

command -v kubectl >/dev/null || die "kubectl is not installed"
kubectl -n "$ns" get objectstores.barmancloud.cnpg.io interkom-backups >/dev/null \
  || die "no ObjectStore interkom-backups in namespace $ns: nothing to restore from"
if kubectl -n "$ns" get cluster "$name" >/dev/null 2>&1; then
  die "the scratch cluster $name exists already: look at it, then remove it with $0 --delete"
fi

dir=$here
if [ -n "$target_time" ]; then
  # An overlay beside this kustomization (kustomize takes no absolute paths, nor a parent
  # directory of its own), removed on exit.
  dir=$(mktemp -d "$here/../.restore-pitr.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
  cat > "$dir/kustomization.yaml" <<YAML
resources: [../restore]
patches:
  - target: { kind: Cluster, name: $name }
    patch: |-
      - op: add
        path: /spec/bootstrap/recovery/recoveryTarget
        value: { targetTime: "$target_time" }
YAML
  echo "restoring to $target_time"
fi

kubectl apply -k "$dir"
echo "waiting up to $timeout for $name to be ready (the base backup is downloaded, then WAL replayed)"
kubectl -n "$ns" wait "cluster/$name" --for=condition=Ready --timeout="$timeout"

query="SELECT count(*) || ' migrations, newest ' || max(name) FROM migrations"
restored_pod=$(kubectl -n "$ns" get cluster "$name" -o jsonpath='{.status.currentPrimary}')
restored=$(kubectl -n "$ns" exec "$restored_pod" -c postgres -- psql -d interkom -Atc "$query")
echo "restored:   $restored"
primary=$(kubectl -n "$ns" get cluster interkom-db -o jsonpath='{.status.currentPrimary}' 2>/dev/null || true)
if [ -n "$primary" ]; then
  echo "production: $(kubectl -n "$ns" exec "$primary" -c postgres -- psql -d interkom -Atc "$query")"
fi
cat <<TXT
The restored database is in $name ($restored_pod). Look around:
  kubectl -n $ns exec -it $restored_pod -c postgres -- psql interkom
Remove the scratch cluster when done:
  $0 --delete
TXT
