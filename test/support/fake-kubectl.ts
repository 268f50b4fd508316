// A kubectl stand-in for testing deploy/kubernetes/rollout.sh and restore/restore.sh without a
// cluster: every call is logged, `kustomize` is the real one, `apply -k DIR` renders DIR with the
// real kubectl into numbered files (what would have been applied, in order), and the reads the
// scripts make answer as a cluster in the state given by FAKE_JOB would.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = `#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$FAKE_DIR/calls.log"
args=" $* "
case $args in
  " kustomize "*) exec "$REAL_KUBECTL" "$@" ;;
  *" apply -k "*)
    dir=\${args##* apply -k }; dir=\${dir%% *}
    n=$(ls "$FAKE_DIR/applied" | wc -l)
    "$REAL_KUBECTL" kustomize "$dir" > "$FAKE_DIR/applied/$(printf %03d "$n").yaml" || exit 1
    exit 0 ;;
  *" get job "*) printf '%s' "\${FAKE_JOB-Complete}" ;;
  *" get clusters.postgresql.cnpg.io interkom-db "*) exit 0 ;;
  *" get objectstores.barmancloud.cnpg.io interkom-backups "*) exit 0 ;;
  *" get cluster interkom-db-restore -o "*) printf 'interkom-db-restore-1' ;;
  *" get cluster interkom-db-restore "*) exit 1 ;;
  *" get cluster interkom-db -o "*) printf 'interkom-db-2' ;;
  *" exec "*) printf '41 migrations, newest 1790000000000-Example\\n' ;;
  *) exit 0 ;;
esac
`;

export type FakeRun = { status: number; output: string; calls: string[]; applied: string[] };

/** Runs a script with the fake kubectl first on PATH; FAKE_JOB sets the migration Job's true conditions. */
export function runWithFakeKubectl(dir: string, script: string, args: string[], env: Record<string, string> = {}): FakeRun {
  const bin = join(dir, 'bin');
  mkdirSync(join(dir, 'applied'), { recursive: true });
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'kubectl'), SCRIPT);
  chmodSync(join(bin, 'kubectl'), 0o755);
  const realKubectl = execFileSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
  let status = 0;
  let output: string;
  try {
    output = execFileSync('bash', [script, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAKE_DIR: dir, REAL_KUBECTL: realKubectl, ...env },
    });
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    status = e.status;
    output = `${e.stdout}${e.stderr}`;
  }
  const log = join(dir, 'calls.log');
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  const applied = readdirSync(join(dir, 'applied')).sort().map((f) => readFileSync(join(dir, 'applied', f), 'utf8'));
  return { status, output, calls, applied };
}
