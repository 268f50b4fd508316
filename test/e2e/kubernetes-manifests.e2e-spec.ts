import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const DIR = new URL('../../deploy/kubernetes/', import.meta.url).pathname;

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any; [k: string]: any };

function manifests(): { file: string; doc: Manifest }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((d) => {
        if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
        return { file, doc: d.toJS() as Manifest };
      }),
    );
}

/** Validates a built-in resource against the Kubernetes OpenAPI schema (kubernetes-models); throws when invalid. */
async function validate(doc: Manifest): Promise<void> {
  // apiVersion "apps/v1", "v1", "autoscaling/v2" … is the package's folder.
  const module = (await import(`kubernetes-models/${doc.apiVersion}/${doc.kind}`)) as Record<string, new (d: unknown) => { validate(): void }>;
  new module[doc.kind](doc).validate();
}

/**
 * The CloudNativePG Cluster is a custom resource, which kubernetes-models does not carry: its
 * fields are checked against the operator's documented shape (postgresql.cnpg.io/v1) here.
 */
function validateCnpgCluster(doc: Manifest): void {
  expect(doc.apiVersion).toBe('postgresql.cnpg.io/v1');
  const allowed = ['instances', 'imageName', 'primaryUpdateStrategy', 'minSyncReplicas', 'maxSyncReplicas', 'bootstrap', 'postgresql', 'storage', 'affinity', 'monitoring'];
  expect(Object.keys(doc.spec).filter((k) => !allowed.includes(k))).toEqual([]);
  expect(Number.isInteger(doc.spec.instances)).toBe(true);
  expect(doc.spec.storage.size).toMatch(/^\d+(Mi|Gi|Ti)$/);
  expect(doc.spec.bootstrap.initdb).toEqual({ database: expect.any(String), owner: expect.any(String) });
  expect(['unsupervised', 'supervised']).toContain(doc.spec.primaryUpdateStrategy);
}

/** Issue 13: the Kubernetes layout in deploy/kubernetes cannot rot unnoticed. */
describe('deploy/kubernetes', () => {
  it('validates every built-in resource against the Kubernetes schemas', async () => {
    const docs = manifests();
    expect(docs.length).toBeGreaterThanOrEqual(10);
    for (const { file, doc } of docs) {
      if (doc.kind === 'Cluster') validateCnpgCluster(doc);
      else await expect(validate(doc).then(() => file)).resolves.toBe(file);
    }
  });

  it('refuses what the schemas refuse (the check can fail)', async () => {
    const deployment = manifests().find((m) => m.doc.kind === 'Deployment')!.doc;
    await expect(validate({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } })).rejects.toThrow(/replicas/);
    await expect(validate({ ...deployment, spec: { ...deployment.spec, template: { spec: { containers: [{ image: 'x' }] } } } })).rejects.toThrow(/name/);
  });

  it('lists every file in the kustomization, and every listed file exists', () => {
    const kustomization = parseAllDocuments(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'))[0].toJS() as { resources: string[] };
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('runs the API on two or more ready-checked replicas, the outbox apart, migrations as a Job, with a PDB, an HPA and a PostgreSQL standby', () => {
    const all = manifests().map((m) => m.doc);
    const byName = (kind: string, name: string) => all.find((d) => d.kind === kind && d.metadata.name === name)!;
    const env = (d: Manifest) => Object.fromEntries(d.spec.template.spec.containers[0].env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]));
    const api = byName('Deployment', 'interkom-api');
    expect(api.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(api.spec.template.spec.containers[0].readinessProbe.httpGet.path).toBe('/health');
    expect(env(api)).toMatchObject({ MATRIX_OUTBOX_WORKER: 'false', MAIL_OUTBOX_WORKER: 'false' });
    const worker = byName('Deployment', 'interkom-outbox-worker');
    expect(env(worker)).toMatchObject({ MATRIX_OUTBOX_WORKER: 'true', MAIL_OUTBOX_WORKER: 'true' });
    expect(byName('Job', 'interkom-migrate').spec.template.spec.containers[0].command).toContain('migration:run');
    expect(byName('PodDisruptionBudget', 'interkom-api').spec.selector.matchLabels).toEqual(api.spec.selector.matchLabels);
    const hpa = byName('HorizontalPodAutoscaler', 'interkom-api');
    expect(hpa.spec.scaleTargetRef.name).toBe('interkom-api');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(byName('Cluster', 'interkom-db').spec.instances).toBeGreaterThanOrEqual(2); // a primary and a standby
    // Every pod gets DATABASE_URL from the operator's app Secret of that Cluster.
    for (const d of [api, worker, byName('Job', 'interkom-migrate')]) {
      const db = d.spec.template.spec.containers[0].env.find((e: any) => e.name === 'DATABASE_URL');
      expect(db.valueFrom.secretKeyRef).toEqual({ name: 'interkom-db-app', key: 'uri' });
    }
  });
});
