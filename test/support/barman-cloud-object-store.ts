// The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1), which no npm package models.
//
// Hand-written here: only the outer layer, as the plugin (cloudnative-pg/plugin-barman-cloud 0.14,
// api/v1/objectstore_types.go: ObjectStore, ObjectStoreSpec, InstanceSidecarConfiguration) declares
// it. Not hand-written: spec.configuration is barman-cloud's pkg/api BarmanObjectStoreConfiguration
// (the same Go type the Cluster's deprecated spec.backup.barmanObjectStore uses), taken with its
// validator from @kubernetes-models/cloudnative-pg; metadata and the sidecar's env and resources
// come from kubernetes-models. A field the plugin adds to the outer layer needs a line here.
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import {
  BarmanObjectStoreConfiguration,
  type IBarmanObjectStoreConfiguration,
} from '@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration';
import { EnvVar, type IEnvVar } from 'kubernetes-models/v1/EnvVar';
import { ResourceRequirements, type IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';

/** The plugin's InstanceSidecarConfiguration: the sidecar it injects into every PostgreSQL pod. */
export interface IInstanceSidecarConfiguration {
  env?: IEnvVar[];
  /** Seconds between two runs of the retention policy (the plugin's default: 1800). */
  retentionPolicyIntervalSeconds?: number;
  resources?: IResourceRequirements;
  /** Arguments appended to the sidecar's command line; not --log-level (see logLevel). */
  additionalContainerArgs?: string[];
  logLevel?: 'error' | 'warning' | 'info' | 'debug' | 'trace';
}

export interface IObjectStoreSpec {
  configuration: IBarmanObjectStoreConfiguration;
  /** How long backups are kept, e.g. "30d" (pattern ^[1-9][0-9]*[dwm]$). */
  retentionPolicy?: string;
  instanceSidecarConfiguration?: IInstanceSidecarConfiguration;
}

export interface IObjectStore {
  apiVersion: 'barmancloud.cnpg.io/v1';
  kind: 'ObjectStore';
  metadata: IObjectMeta;
  spec: IObjectStoreSpec;
}

/** Something with the models' validate(), which throws an ajv ValidationError. */
type Validatable = { validate(): void };

/**
 * The models' validators for the parts that have one (metadata, spec.configuration, the sidecar's
 * env and resources), as [JSON path prefix, model] pairs; the outer layer's own fields are the
 * TypeScript interface's and crdRuleErrors' (cnpg-webhook-rules.ts) to check.
 */
export function objectStoreModels(object: { metadata?: unknown; spec?: Record<string, any> }): [string, Validatable][] {
  const models: [string, Validatable][] = [['/metadata', new ObjectMeta(object.metadata as IObjectMeta)]];
  const spec = object.spec ?? {};
  if (spec.configuration && typeof spec.configuration === 'object') {
    models.push(['/spec/configuration', new BarmanObjectStoreConfiguration(spec.configuration)]);
  }
  const sidecar = spec.instanceSidecarConfiguration ?? {};
  if (Array.isArray(sidecar.env)) {
    sidecar.env.forEach((e: IEnvVar, i: number) => models.push([`/spec/instanceSidecarConfiguration/env/${i}`, new EnvVar(e)]));
  }
  if (sidecar.resources && typeof sidecar.resources === 'object') {
    models.push(['/spec/instanceSidecarConfiguration/resources', new ResourceRequirements(sidecar.resources)]);
  }
  return models;
}
