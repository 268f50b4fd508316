import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  clusterWebhookErrors, CRD_RULES, crdRuleErrors, NOT_EVALUATED, quantity, scheduledBackupWebhookErrors, TRANSITION_RULES,
} from '../support/cnpg-webhook-rules.js';
import { runWithFakeKubectl } from '../support/fake-kubectl.js';
import { ManifestValidator, renderKustomization, type K8sObject } from '../support/k8s-validate.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DEPLOY = join(ROOT, 'deploy/kubernetes');
/** What the operator's git-ignored files hold in these tests (never the examples' change-me values). */
const SECRETS_ENV = 'MATRIX_AS_TOKEN=test-as\nMATRIX_HS_TOKEN=test-hs\nSMTP_URL=smtp://u:p@mail.test:587\nMETRICS_TOKEN=test-metrics\n';
const BACKUP_ENV = 'ACCESS_KEY_ID=test-key\nACCESS_SECRET_KEY=test-secret\n';
/** The hub's forced-exit deadline on SIGTERM (src/main.ts), which the grace periods must cover. */
const FORCE_EXIT_S = Number(/const FORCE_EXIT_MS = (\d+);/.exec(readFileSync(join(ROOT, 'src/main.ts'), 'utf8'))![1]) / 1000;
/** The outbox worker's idle RSS measured for issue 20 (peak before a major GC), in bytes. */
const WORKER_IDLE_RSS = 285 * 2 ** 20;

const temps: string[] = [];
/** A copy of deploy/kubernetes with the operator's secrets.env and backup-s3.env, as after a clone and setup. */
function operatorCopy(withSecrets = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'interkom-k8s-'));
  temps.push(dir);
  cpSync(DEPLOY, join(dir, 'kubernetes'), { recursive: true, filter: (src) => !/\/(secrets|backup-s3)\.env$/.test(src) });
  if (withSecrets) {
    writeFileSync(join(dir, 'kubernetes/secrets.env'), SECRETS_ENV);
    writeFileSync(join(dir, 'kubernetes/backup-s3.env'), BACKUP_ENV);
  }
  return join(dir, 'kubernetes');
}

/** Issues 13 and 20: the Kubernetes layout in deploy/kubernetes cannot rot unnoticed. */
describe('deploy/kubernetes', () => {
  const validator = new ManifestValidator();
  let main: K8sObject[];
  let migrate: K8sObject[];
  let restore: K8sObject[];

  beforeAll(() => {
    const dir = operatorCopy();
    main = renderKustomization(dir);
    migrate = renderKustomization(join(dir, 'migrate'));
    restore = renderKustomization(join(dir, 'restore'));
  });
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** Everything refused in each object (one TypeScript program for all of them: pass many at once). */
  const errorsOf = (objects: K8sObject[]): string[][] => validator.validate(objects).map((errors, i) => {
    const object = objects[i];
    const id = `${object.kind}/${object.metadata.name}`;
    return [
      ...errors,
      ...crdRuleErrors(object),
      ...(object.kind === 'Cluster' ? clusterWebhookErrors(object) : []),
      ...(object.kind === 'ScheduledBackup' ? scheduledBackupWebhookErrors(object) : []),
    ].map((e) => (e.startsWith(`${id}: `) ? e : `${id}: ${e}`));
  });
  const one = (objects: K8sObject[], kind: string, name: string): K8sObject => {
    // Generated ConfigMaps and Secrets carry a hash suffix.
    const found = objects.find((o) => o.kind === kind && (o.metadata.name === name || new RegExp(`^${name}-[a-z0-9]{10}$`).test(o.metadata.name)));
    if (!found) throw new Error(`no ${kind} ${name}`);
    return JSON.parse(JSON.stringify(found)) as K8sObject;
  };
  const pods = () => [...main, ...migrate].filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
  const container = (o: K8sObject) => o.spec.template.spec.containers[0];
  const env = (o: K8sObject) => Object.fromEntries(container(o).env.filter((e: { value?: string }) => 'value' in e).map((e: { name: string; value: string }) => [e.name, e.value]));

  it('validates every object of the three kustomizations against the models generated from the Kubernetes OpenAPI and the CRDs, unknown fields refused at every depth', () => {
    const all = [...main, ...migrate, ...restore];
    expect([main.length, migrate.length, restore.length]).toEqual([22, 1, 2]);
    expect([...new Set(all.map((o) => `${o.apiVersion}/${o.kind}`))].sort()).toEqual(validator.kinds.sort());
    expect(errorsOf(all).flat()).toEqual([]);
  });

  it("re-states the CRDs' validation rules (CEL) that run on a create; the transition rules (oldSelf) are listed", () => {
    expect(CRD_RULES.map((r) => `${r.kind} ${r.path}`)).toEqual([
      'Cluster /spec', 'Cluster /spec/imageCatalogRef', 'Cluster /spec/imageCatalogRef',
      'Cluster /spec/bootstrap/initdb', 'Cluster /spec/bootstrap/initdb', 'Cluster /spec/bootstrap/initdb',
      'Cluster /spec/postgresql/synchronous', 'Cluster /spec/postgresql/synchronous/number',
      'ObjectStore /spec/configuration', 'ObjectStore /spec/instanceSidecarConfiguration/additionalContainerArgs',
    ]);
    expect(TRANSITION_RULES.map((r) => r.split(':')[0])).toEqual(['Cluster /spec/serviceAccountName', 'ScheduledBackup /spec/cluster']);
    expect(NOT_EVALUATED.length).toBeGreaterThan(0);
  });

  it('refuses what the API server, the CRDs or the operator would refuse or silently drop (the checks can fail)', () => {
    const cases: [string, K8sObject, RegExp[]][] = [];
    const refuses = (kind: string, name: string, from: K8sObject[], change: (o: K8sObject) => void, ...expected: RegExp[]) => {
      const o = one(from, kind, name);
      change(o);
      cases.push([`${kind}/${name}: ${change.toString()}`, o, expected]);
    };
    // Unknown fields at any depth (the TypeScript check), wrong types (both checks).
    refuses('Cluster', 'interkom-db', main, (c) => (c.spec.affinity.topologykey = 'kubernetes.io/hostname'),
      /\/spec\/affinity\/topologykey: unknown field "topologykey" \(not in IAffinityConfiguration\)/);
    refuses('Deployment', 'interkom-api', main, (d) => (container(d).readinessprobe = { httpGet: { path: '/health', port: 'http' } }),
      /\/containers\/0\/readinessprobe: unknown field "readinessprobe" \(not in IContainer\)/);
    refuses('Deployment', 'interkom-api', main, (d) => Object.assign(container(d), { imagee: 'x', portz: [] }),
      /\/containers\/0\/imagee: unknown field/, /\/containers\/0\/portz: unknown field/);
    refuses('Job', 'interkom-migrate', migrate, (j) => ((j.metadata as Record<string, unknown>).lables = { a: 'b' }),
      /\/metadata\/lables: unknown field "lables" \(not in IObjectMeta\)/);
    refuses('Cluster', 'interkom-db', main, (c) => ((c.metadata as Record<string, unknown>).lables = { a: 'b' }),
      /\/metadata\/lables: unknown field "lables" \(not in IObjectMeta\)/);
    refuses('HorizontalPodAutoscaler', 'interkom-api', main, (h) => (h.spec.minReplicas = 'two'),
      /\/spec\/minReplicas: must be integer/, /\/spec\/minReplicas: Type 'string' is not assignable to type 'number'/);
    refuses('Ingress', 'interkom', main, (i) => (i.spec.rules[0].http.paths[0].backend.service.port = { nmae: 'http' }),
      /\/port\/nmae: unknown field "nmae" \(not in IServiceBackendPort\)/);
    refuses('PodMonitor', 'interkom-db', main, (p) => (p.spec.podMetricsEndpoints[0].prot = 'metrics'),
      /\/podMetricsEndpoints\/0\/prot: unknown field "prot" \(not in IPodMetricsEndpoint\)/);
    refuses('ScheduledBackup', 'interkom-db-daily', main, (b) => (b.spec.method = 'plugins'),
      /\/spec\/method: must be equal to one of the allowed values/);
    refuses('Deployment', 'interkom-outbox-worker', main, (d) => delete container(d).name,
      /\/containers\/0: must have required property name/, /\/containers\/0: missing required field "name" \(in IContainer/);
    // The ObjectStore: its outer layer is hand-written, its configuration barman-cloud's type.
    refuses('ObjectStore', 'interkom-backups', main, (s) => (s.spec.retentionpolicy = '30d'),
      /\/spec\/retentionpolicy: unknown field "retentionpolicy" \(not in IObjectStoreSpec\)/);
    refuses('ObjectStore', 'interkom-backups', main, (s) => (s.spec.configuration.wal.compresion = 'gzip'),
      /\/spec\/configuration\/wal\/compresion: unknown field "compresion" \(not in IWalBackupConfiguration\)/);
    refuses('ObjectStore', 'interkom-backups', main, (s) => (s.spec.retentionPolicy = '30 days'),
      /\/spec\/retentionPolicy: must match pattern/);
    // The CRDs' CEL rules.
    refuses('Cluster', 'interkom-db', main, (c) => (c.spec.postgresql.synchronous.number = 0),
      /synchronous\/number: The number of synchronous replicas should be greater than zero/);
    refuses('Cluster', 'interkom-db', main, (c) => (c.spec.imageCatalogRef = { apiGroup: 'postgresql.cnpg.io', kind: 'ImageCatalog', name: 'pg', major: 18 }),
      /imageName and imageCatalogRef are mutually exclusive/);
    refuses('ObjectStore', 'interkom-backups', main, (s) => (s.spec.configuration.serverName = 'interkom-db'),
      /use the 'serverName' plugin parameter in the Cluster resource/);
    // The operator's webhook.
    refuses('Cluster', 'interkom-db', main, (c) => (c.spec.postgresql.synchronous.number = 3),
      /number of synchronous replicas must be less than the total number of instances/);
    refuses('Cluster', 'interkom-db', main, (c) => (c.spec.postgresql.parameters.shared_buffers = '3GB'),
      /Memory request is lower than PostgreSQL `shared_buffers` value/);
    refuses('Cluster', 'interkom-db', main, (c) => (c.spec.imageName = 'ghcr.io/cloudnative-pg/postgresql:latest'),
      /Can't use 'latest'/);
    refuses('Cluster', 'interkom-db-restore', restore, (c) => (c.spec.bootstrap.recovery.source = 'elsewhere'),
      /External cluster elsewhere not found/);
    refuses('ScheduledBackup', 'interkom-db-daily', main, (b) => (b.spec.schedule = '15 2 * * *'),
      /six \(seconds first\)/);
    const found = errorsOf(cases.map(([, o]) => o));
    expect(cases.map(([what], i) => [what, found[i]])).toEqual(
      cases.map(([what, , expected]) => [what, expected.map((e) => expect.stringMatching(e))]),
    );
  });

  it("applies no committed Secret: the hub's secrets come from the operator's git-ignored secrets.env, and nothing renders without it", () => {
    const files = readdirSync(DEPLOY, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    const committedSecrets = files.filter((f) => parseAllDocuments(readFileSync(join(DEPLOY, f), 'utf8')).some((d) => d.toJS()?.kind === 'Secret'));
    expect(committedSecrets).toEqual([]);
    const secrets = main.filter((o) => o.kind === 'Secret');
    expect(secrets.map((s) => s.metadata.name.replace(/-[a-z0-9]{10}$/, '')).sort()).toEqual(['interkom-backup-s3', 'interkom-secrets']);
    const hub = one(main, 'Secret', 'interkom-secrets');
    expect(Buffer.from(hub.data.MATRIX_HS_TOKEN, 'base64').toString()).toBe('test-hs');
    expect(readFileSync(join(DEPLOY, '.gitignore'), 'utf8')).toMatch(/^secrets\.env$/m);
    expect(readFileSync(join(DEPLOY, '.gitignore'), 'utf8')).toMatch(/^backup-s3\.env$/m);
    // The examples name every key the Secrets carry.
    expect(Object.keys(hub.data).sort()).toEqual(readFileSync(join(DEPLOY, 'secrets.env.example'), 'utf8').match(/^[A-Z_]+(?==)/gm)!.sort());
    expect(() => renderKustomization(operatorCopy(false))).toThrow(/secrets\.env/);
  });

  it('rolls the pods on a configuration change (hashed ConfigMap and Secret names) and pins the images', () => {
    const config = one(main, 'ConfigMap', 'interkom-config');
    const secret = one(main, 'Secret', 'interkom-secrets');
    expect(config.metadata.name).toMatch(/^interkom-config-[a-z0-9]{10}$/);
    for (const d of main.filter((o) => o.kind === 'Deployment')) {
      expect(container(d).envFrom).toEqual([{ configMapRef: { name: config.metadata.name } }, { secretRef: { name: secret.metadata.name } }]);
    }
    const images = pods().map((o) => container(o).image);
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toMatch(/^ghcr\.io\/example\/interkom:\d+\.\d+\.\d+$/);
    const cluster = one(main, 'Cluster', 'interkom-db');
    expect(cluster.spec.imageName).toMatch(/:\d+\.\d+-/);
    expect(one(restore, 'Cluster', 'interkom-db-restore').spec.imageName).toBe(cluster.spec.imageName);
  });

  it('runs every hub pod unprivileged, without a service-account token, with resources, DATABASE_URL from the operator', () => {
    const account = one(main, 'ServiceAccount', 'interkom');
    expect(account.automountServiceAccountToken).toBe(false);
    for (const o of pods()) {
      const pod = o.spec.template.spec;
      // The API server refuses a Deployment whose template does not carry its selector's labels.
      expect(o.spec.template.metadata.labels).toMatchObject(o.spec.selector?.matchLabels ?? {});
      expect(pod).toMatchObject({ serviceAccountName: 'interkom', automountServiceAccountToken: false });
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const c of pod.containers) {
        expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
        expect(quantity(c.resources.limits.memory)).toBeGreaterThan(quantity(c.resources.requests.memory));
        expect(c.env.find((e: { name: string }) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({ name: 'interkom-db-app', key: 'uri' });
      }
    }
  });

  it('API and outbox workers only check migrations, probe /health/live and /health, and shut down within their grace period', () => {
    const api = one(main, 'Deployment', 'interkom-api');
    const worker = one(main, 'Deployment', 'interkom-outbox-worker');
    expect(env(api)).toEqual({ MIGRATIONS: 'check', MATRIX_OUTBOX_WORKER: 'false', MAIL_OUTBOX_WORKER: 'false' });
    expect(env(worker)).toEqual({ MIGRATIONS: 'check', MATRIX_OUTBOX_WORKER: 'true', MAIL_OUTBOX_WORKER: 'true' });
    for (const d of [api, worker]) {
      const c = container(d);
      expect(c.startupProbe.httpGet.path).toBe('/health/live');
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(c.readinessProbe.httpGet.path).toBe('/health');
      // The readiness check's database ping gives up after 2 s: the probe must wait longer.
      expect(c.readinessProbe.timeoutSeconds).toBeGreaterThanOrEqual(3);
      expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBeGreaterThanOrEqual(30);
      const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
      expect(d.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + FORCE_EXIT_S + 2);
    }
    expect(container(api).lifecycle.preStop.sleep.seconds).toBeGreaterThanOrEqual(5);
    expect(api.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it('scales the API with the HPA alone, drains one pod at a time, keeps two leased outbox workers', () => {
    const api = one(main, 'Deployment', 'interkom-api');
    expect(api.spec.replicas).toBeUndefined();
    const hpa = one(main, 'HorizontalPodAutoscaler', 'interkom-api');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'interkom-api' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const worker = one(main, 'Deployment', 'interkom-outbox-worker');
    expect(worker.spec.replicas).toBe(2);
    expect(quantity(container(worker).resources.requests.memory)).toBeGreaterThanOrEqual(WORKER_IDLE_RSS);
    for (const d of [api, worker]) {
      const pdb = main.find((o) => o.kind === 'PodDisruptionBudget' && JSON.stringify(o.spec.selector.matchLabels) === JSON.stringify(d.spec.selector.matchLabels))!;
      expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: d.spec.selector.matchLabels } });
    }
  });

  it('migrates in its own Job, outside the main kustomization, bounded in time and retries', () => {
    expect(main.some((o) => o.kind === 'Job')).toBe(false);
    expect(migrate.map((o) => o.kind)).toEqual(['Job']);
    const job = one(migrate, 'Job', 'interkom-migrate');
    expect(container(job).command).toEqual(['node', 'dist/src/cli/migrate.js']);
    expect(env(job).MIGRATIONS).toBeUndefined();
    expect(job.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 900, ttlSecondsAfterFinished: 86400 });
    expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
  });

  it('runs PostgreSQL as three instances on three nodes with synchronous replication, resources, WAL volume and a PodMonitor', () => {
    const cluster = one(main, 'Cluster', 'interkom-db');
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.postgresql.synchronous).toEqual({ method: 'any', number: 1, dataDurability: 'required' });
    expect(cluster.spec.affinity).toMatchObject({ podAntiAffinityType: 'required', topologyKey: 'kubernetes.io/hostname' });
    expect(cluster.spec.resources.requests.memory).toBe(cluster.spec.resources.limits.memory);
    expect(cluster.spec.walStorage.size).toBeDefined();
    expect(cluster.spec.monitoring.enablePodMonitor).toBeUndefined();
    const monitor = one(main, 'PodMonitor', 'interkom-db');
    expect(monitor.spec.selector.matchLabels).toEqual({ 'cnpg.io/cluster': 'interkom-db' });
  });

  it('archives WAL and takes a daily base backup through the Barman Cloud plugin, restorable into a scratch cluster', () => {
    const cluster = one(main, 'Cluster', 'interkom-db');
    const store = one(main, 'ObjectStore', 'interkom-backups');
    const plugin = 'barman-cloud.cloudnative-pg.io';
    expect(cluster.spec.plugins).toEqual([{ name: plugin, isWALArchiver: true, parameters: { barmanObjectName: store.metadata.name } }]);
    expect(cluster.spec.backup).toBeUndefined();
    expect(store.spec.retentionPolicy).toMatch(/^\d+[dwm]$/);
    const s3 = one(main, 'Secret', 'interkom-backup-s3');
    expect(store.spec.configuration.s3Credentials).toEqual({
      accessKeyId: { name: s3.metadata.name, key: 'ACCESS_KEY_ID' },
      secretAccessKey: { name: s3.metadata.name, key: 'ACCESS_SECRET_KEY' },
    });
    const daily = one(main, 'ScheduledBackup', 'interkom-db-daily');
    expect(daily.spec).toMatchObject({ cluster: { name: 'interkom-db' }, method: 'plugin', pluginConfiguration: { name: plugin } });
    const scratch = one(restore, 'Cluster', 'interkom-db-restore');
    const source = scratch.spec.externalClusters.find((c: { name: string }) => c.name === scratch.spec.bootstrap.recovery.source);
    expect(source.plugin).toEqual({ name: plugin, parameters: { barmanObjectName: store.metadata.name, serverName: cluster.metadata.name } });
    // It reads production's archive and writes none of its own.
    expect(scratch.spec.plugins).toBeUndefined();
  });

  it('exposes the hub on the public host through an Ingress and lets only what it needs through the NetworkPolicies', () => {
    const config = one(main, 'ConfigMap', 'interkom-config');
    const ingress = one(main, 'Ingress', 'interkom');
    const host = new URL(config.data.PUBLIC_BASE_URL).host;
    expect(ingress.spec.rules.map((r: { host: string }) => r.host)).toEqual([host]);
    expect(ingress.spec.tls[0].hosts).toEqual([host]);
    const service = one(main, 'Service', 'interkom-api');
    const backend = ingress.spec.rules[0].http.paths[0];
    expect(backend).toMatchObject({ path: '/', pathType: 'Prefix', backend: { service: { name: service.metadata.name, port: { name: 'http' } } } });
    const policies = main.filter((o) => o.kind === 'NetworkPolicy');
    const policy = (name: string) => policies.find((p) => p.metadata.name === name)!.spec;
    expect(policy('default-deny')).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(policy('allow-dns').egress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    const apiPort = container(one(main, 'Deployment', 'interkom-api')).ports[0].containerPort;
    expect(policy('interkom-api-ingress').ingress[0].ports).toEqual([{ protocol: 'TCP', port: apiPort }]);
    expect(policy('interkom-api-ingress').ingress[0].from).toEqual(expect.arrayContaining([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      expect.objectContaining({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'synapse' } } }),
    ]));
    expect(policy('interkom-egress').egress[0]).toEqual({ to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': 'interkom-db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] });
    expect(policy('interkom-db').ingress[0]).toEqual({ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'interkom' } } }], ports: [{ protocol: 'TCP', port: 5432 }] });
    // Every hub pod (the Job's too) is one the egress policy selects.
    for (const o of pods()) expect(o.spec.template.metadata.labels).toMatchObject(policy('interkom-egress').podSelector.matchLabels);
    expect(one(restore, 'NetworkPolicy', 'interkom-db-restore').spec.podSelector.matchLabels).toEqual({ 'cnpg.io/cluster': 'interkom-db-restore' });
  });

  it('rollout.sh sets the image, runs the migration Job to completion, then applies the rest; a failed or late Job stops it', () => {
    const dir = operatorCopy();
    const ok = runWithFakeKubectl(join(dir, '..'), join(dir, 'rollout.sh'), ['1.2.3']);
    expect(ok.output).toContain('release 1.2.3 is out');
    expect(ok.status).toBe(0);
    const at = (pattern: RegExp) => ok.calls.findIndex((c) => pattern.test(c));
    expect(at(/delete job interkom-migrate/)).toBeGreaterThan(-1);
    expect(at(/delete job interkom-migrate/)).toBeLessThan(at(/apply -k .*\/migrate$/));
    expect(at(/apply -k .*\/migrate$/)).toBeLessThan(at(/get job interkom-migrate/));
    expect(at(/get job interkom-migrate/)).toBeLessThan(at(/apply -k .*\/kubernetes$/));
    expect(at(/apply -k .*\/kubernetes$/)).toBeLessThan(at(/rollout status deployment\/interkom-api/));
    expect(ok.applied).toHaveLength(2);
    expect(ok.applied[0]).toMatch(/kind: Job[\s\S]*image: ghcr\.io\/example\/interkom:1\.2\.3/);
    expect(ok.applied[1]).toMatch(/kind: Deployment[\s\S]*image: ghcr\.io\/example\/interkom:1\.2\.3/);
    expect(readFileSync(join(dir, 'image/kustomization.yaml'), 'utf8')).toContain('newTag: "1.2.3"');

    const failedDir = operatorCopy();
    const failed = runWithFakeKubectl(join(failedDir, '..'), join(failedDir, 'rollout.sh'), ['1.2.4'], { FAKE_JOB: 'FailureTarget Failed' });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/the migration Job failed: nothing else was changed/);
    expect(failed.applied).toHaveLength(1);

    const lateDir = operatorCopy();
    const late = runWithFakeKubectl(join(lateDir, '..'), join(lateDir, 'rollout.sh'), ['1.2.5'], { FAKE_JOB: '', MIGRATION_TIMEOUT: '0' });
    expect(late.status).not.toBe(0);
    expect(late.output).toMatch(/did not finish within 0s/);
    expect(late.applied).toHaveLength(1);

    expect(runWithFakeKubectl(join(lateDir, '..'), join(lateDir, 'rollout.sh'), ['latest']).output).toMatch(/pin a version/);
    const exampleDir = operatorCopy();
    writeFileSync(join(exampleDir, 'secrets.env'), readFileSync(join(DEPLOY, 'secrets.env.example')));
    expect(runWithFakeKubectl(join(exampleDir, '..'), join(exampleDir, 'rollout.sh'), ['1.2.6']).output).toMatch(/still has change-me values/);
  });

  it('restore.sh restores into the scratch cluster, to a point in time when asked, and compares with production', () => {
    const dir = operatorCopy();
    const run = runWithFakeKubectl(join(dir, '..'), join(dir, 'restore/restore.sh'), ['--target-time', '2026-11-30 17:45:00+01']);
    expect(run.status).toBe(0);
    expect(run.applied).toHaveLength(1);
    const applied = parseAllDocuments(run.applied[0]).map((d) => d.toJS() as K8sObject);
    const scratch = one(applied, 'Cluster', 'interkom-db-restore');
    expect(scratch.spec.bootstrap.recovery.recoveryTarget).toEqual({ targetTime: '2026-11-30 17:45:00+01' });
    expect(errorsOf(applied).flat()).toEqual([]);
    expect(run.calls).toContain('-n interkom wait cluster/interkom-db-restore --for=condition=Ready --timeout=60m');
    expect(run.output).toMatch(/restored: {3}41 migrations[\s\S]*production: 41 migrations/);
    // The overlay it wrote beside restore/ is gone.
    expect(readdirSync(dir).filter((f) => f.startsWith('.restore-pitr'))).toEqual([]);
    expect(existsSync(join(dir, 'restore/kustomization.yaml'))).toBe(true);
  });
});
