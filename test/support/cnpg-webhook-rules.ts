// What the API server and the operators refuse beyond the models' types (k8s-validate.ts), re-stated:
// - the validation rules (CEL, x-kubernetes-validations) of the CRDs, which the API server runs on a
//   create: CloudNativePG 1.30.0's Cluster (kubebuilder XValidation markers in api/v1/cluster_types.go,
//   config/crd/bases/postgresql.cnpg.io_clusters.yaml) and the Barman Cloud plugin 0.14.0's
//   ObjectStore (api/v1/objectstore_types.go, config/crd/bases/barmancloud.cnpg.io_objectstores.yaml),
//   with the one schema pattern of the ObjectStore's hand-written outer layer: CRD_RULES;
// - the CloudNativePG operator's validating webhook, which refuses more than its CRD does: the rules
//   of internal/webhook/v1/cluster_webhook.go and scheduledbackup_webhook.go (release 1.30.0) that
//   apply to what deploy/kubernetes sets (the webhook is Go code that runs only in the operator).
//   The rest are listed in NOT_EVALUATED.
import type { K8sObject } from './k8s-validate.js';

type Rule = { kind: string; path: string; message: string; refuses: (value: any) => boolean };
const has = (value: unknown) => value !== undefined && value !== null;
const empty = (list: unknown) => !Array.isArray(list) || list.length === 0;

/**
 * The CRDs' CEL rules that run on a create, each at the path (JSON pointer, * for every array item)
 * whose value it judges, with the CRD's message. Not re-stated: the transition rules, which compare
 * with the stored object and so run on updates only (TRANSITION_RULES).
 */
export const CRD_RULES: Rule[] = [
  { kind: 'Cluster', path: '/spec', message: 'imageName and imageCatalogRef are mutually exclusive',
    refuses: (spec) => has(spec.imageCatalogRef) && has(spec.imageName) },
  { kind: 'Cluster', path: '/spec/imageCatalogRef', message: 'Only image catalogs are supported',
    refuses: (ref) => ref.kind !== 'ImageCatalog' && ref.kind !== 'ClusterImageCatalog' },
  { kind: 'Cluster', path: '/spec/imageCatalogRef', message: 'Only image catalogs are supported',
    refuses: (ref) => ref.apiGroup !== 'postgresql.cnpg.io' },
  { kind: 'Cluster', path: '/spec/bootstrap/initdb', message: 'builtinLocale is only available when localeProvider is set to `builtin`',
    refuses: (initdb) => has(initdb.builtinLocale) && initdb.localeProvider !== 'builtin' },
  { kind: 'Cluster', path: '/spec/bootstrap/initdb', message: 'icuLocale is only available when localeProvider is set to `icu`',
    refuses: (initdb) => has(initdb.icuLocale) && initdb.localeProvider !== 'icu' },
  { kind: 'Cluster', path: '/spec/bootstrap/initdb', message: 'icuRules is only available when localeProvider is set to `icu`',
    refuses: (initdb) => has(initdb.icuRules) && initdb.localeProvider !== 'icu' },
  { kind: 'Cluster', path: '/spec/postgresql/synchronous',
    message: "dataDurability set to 'preferred' requires empty 'standbyNamesPre' and empty 'standbyNamesPost'",
    refuses: (s) => s.dataDurability === 'preferred' && !(empty(s.standbyNamesPre) && empty(s.standbyNamesPost)) },
  { kind: 'Cluster', path: '/spec/postgresql/synchronous/number', message: 'The number of synchronous replicas should be greater than zero',
    refuses: (n) => !(n > 0) },
  { kind: 'ObjectStore', path: '/spec/configuration', message: "use the 'serverName' plugin parameter in the Cluster resource",
    refuses: (configuration) => has(configuration.serverName) },
  { kind: 'ObjectStore', path: '/spec/instanceSidecarConfiguration/additionalContainerArgs',
    message: 'do not set --log-level in additionalContainerArgs; use spec.instanceSidecarConfiguration.logLevel',
    refuses: (args) => Array.isArray(args) && args.some((a) => String(a).startsWith('--log-level')) },
];

/** The CRDs' transition rules (they read oldSelf): not run on a create, so not re-stated. */
export const TRANSITION_RULES = [
  'Cluster /spec/serviceAccountName: serviceAccountName is immutable',
  'ScheduledBackup /spec/cluster: cluster reference is immutable after creation',
];

/** The values at a path ("*" for every item of an array), with their concrete paths. */
function valuesAt(value: unknown, segments: string[], path = ''): [string, unknown][] {
  if (!has(value)) return [];
  if (!segments.length) return [[path || '/', value]];
  const [head, ...rest] = segments;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => valuesAt(v, rest, `${path}/${i}`)) : [];
  return typeof value === 'object' ? valuesAt((value as Record<string, unknown>)[head], rest, `${path}/${head}`) : [];
}

/** What the CRD rules (CRD_RULES) and the ObjectStore's retentionPolicy pattern refuse in one object. */
export function crdRuleErrors(object: K8sObject): string[] {
  const errors: string[] = [];
  for (const rule of CRD_RULES.filter((r) => r.kind === object.kind)) {
    for (const [path, value] of valuesAt(object, rule.path.split('/').slice(1))) {
      if (rule.refuses(value)) errors.push(`${path}: ${rule.message} (CRD rule)`);
    }
  }
  // The plugin's kubebuilder pattern on ObjectStoreSpec.RetentionPolicy (the outer layer is hand-written).
  if (object.kind === 'ObjectStore' && has(object.spec?.retentionPolicy) && !/^[1-9][0-9]*[dwm]$/.test(String(object.spec.retentionPolicy))) {
    errors.push(`/spec/retentionPolicy: must match pattern "^[1-9][0-9]*[dwm]$"`);
  }
  return errors;
}

/** The webhook's checks that are not re-stated here (they concern fields deploy/kubernetes does not set). */
export const NOT_EVALUATED = [
  'validateInitDB (import, postInitSQL refs), validateImport, validatePgBaseBackupApplicationDatabase, validateBootstrapPgBaseBackupSource',
  'validateSuperuserSecret, validateCerts, validateLDAP, validateEnv, validateManagedRoles, validateManagedServices, validateManagedExtensions, validateExtensions',
  'validateRecoveryTarget, validateBootstrapRecoveryDataSource (volume snapshots), validateTablespace*, validateEphemeralVolumeSource',
  'validateReplicaMode, validateReplicaClusterExternalClusters, validatePromotionToken, validateFailoverQuorum*, validateReplicationSlots, validateSynchronizeLogicalDecoding',
  'validateTolerations, validateHibernationAnnotation, validatePodPatchAnnotation, validateLivenessPingerProbe, validatePodSelectorRefs, validateServiceAccountConfig, validatePrimaryLease',
  'every validate*Change rule (they compare with the stored object: updates only)',
  'validateConfiguration: the full list of fixed parameters is re-stated, not the per-major-version sanitising of values',
];

/** postgres.FixedConfigurationParameters (pkg/postgres/configuration.go, 1.30.0): the user may not set these. */
const FIXED_PARAMETERS = new Set([
  'allow_system_table_mods', 'archive_mode', 'bonjour', 'bonjour_name', 'cluster_name', 'config_file', 'data_directory',
  'data_sync_retry', 'event_source', 'external_pid_file', 'hba_file', 'hot_standby', 'ident_file', 'jit_provider',
  'listen_addresses', 'logging_collector', 'port', 'primary_conninfo', 'primary_slot_name', 'recovery_target',
  'recovery_target_action', 'recovery_target_inclusive', 'recovery_target_lsn', 'recovery_target_name',
  'recovery_target_time', 'recovery_target_timeline', 'recovery_target_xid', 'restore_command',
  'shared_preload_libraries', 'temp_tablespaces', 'unix_socket_directories', 'unix_socket_group',
  'unix_socket_permissions', 'archive_cleanup_command', 'archive_command', 'log_destination', 'log_directory',
  'log_file_mode', 'log_filename', 'log_rotation_age', 'log_rotation_size', 'log_truncate_on_rotation',
  'pg_failover_slots.primary_dsn', 'pg_failover_slots.standby_slot_names', 'promote_trigger_file',
  'recovery_end_command', 'recovery_min_apply_delay', 'restart_after_crash', 'ssl', 'ssl_ca_file', 'ssl_cert_file',
  'ssl_crl_file', 'ssl_dh_params_file', 'ssl_ecdh_curve', 'ssl_key_file', 'ssl_passphrase_command',
  'ssl_passphrase_command_supports_reload', 'ssl_prefer_server_ciphers', 'stats_temp_directory',
  'synchronous_standby_names', 'synchronized_standby_slots', 'syslog_facility', 'syslog_ident', 'syslog_sequence_numbers',
  'syslog_split_messages',
]);

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

/** A Kubernetes resource.Quantity ("512Mi", "1.5Gi", "250m", "2") as a number; throws when malformed. */
export function quantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)(Ki|Mi|Gi|Ti|Pi|m|k|M|G|T|P)?$/.exec(value);
  if (!m) throw new Error(`not a Kubernetes quantity: ${value}`);
  const unit = m[2] ?? '';
  return Number(m[1]) * (BINARY[unit] ?? DECIMAL[unit]);
}

/** CNPG's parsePostgresQuantityValue: a PostgreSQL size ("512MB", "1GB", "128kB"; no unit = MB) in bytes. */
export function postgresSize(value: string): number {
  const v = /^\d+$/.test(value) ? `${value}MB` : value;
  const m = /^(\d+)\s*(kB|MB|GB|TB|B)$/.exec(v);
  if (!m) throw new Error(`not a PostgreSQL size: ${value}`);
  const unit = { B: 1, kB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 }[m[2]]!;
  return Number(m[1]) * unit;
}

/** The Cluster webhook's refusals for one Cluster, as messages (empty: accepted). */
export function clusterWebhookErrors(cluster: K8sObject): string[] {
  const spec = cluster.spec ?? {};
  const errors: string[] = [];
  const pg = spec.postgresql ?? {};
  const parameters: Record<string, string> = pg.parameters ?? {};

  // validateImageName: a tag that names a version; not latest, not a bare digest.
  if (spec.imageName) {
    const tag = /^[^@]+:([^/:@]+)(@.*)?$/.exec(spec.imageName)?.[1] ?? '';
    if (tag === 'latest') errors.push("spec.imageName: Can't use 'latest' as image tag as we can't detect upgrades");
    else if (!tag) errors.push("spec.imageName: Can't use just the image sha as we can't detect upgrades");
    else if (!/^\d+(\.\d+)*/.test(tag)) errors.push('spec.imageName: invalid version tag');
  }
  // validateSynchronousReplicaConfiguration and validateConfiguration's legacy/new exclusivity.
  if (pg.synchronous) {
    const s = pg.synchronous;
    if (s.number >= spec.instances + (s.standbyNamesPost?.length ?? 0) + (s.standbyNamesPre?.length ?? 0)) {
      errors.push('spec.postgresql.synchronous: the number of synchronous replicas must be less than the total number of instances and the provided standby names');
    }
    if ((spec.minSyncReplicas ?? 0) > 0 || (spec.maxSyncReplicas ?? 0) > 0) {
      errors.push("spec.postgresql.synchronous: Can't have both legacy synchronous replica configuration and new one");
    }
  }
  // validateMaxSyncReplicas / validateMinSyncReplicas (legacy form).
  if ((spec.maxSyncReplicas ?? 0) >= (spec.instances ?? 1)) {
    errors.push('spec.maxSyncReplicas: maxSyncReplicas must be lower than the number of instances');
  }
  if ((spec.minSyncReplicas ?? 0) > (spec.maxSyncReplicas ?? 0)) errors.push('spec.minSyncReplicas: cannot be greater than maxSyncReplicas');
  // validateConfiguration: fixed parameters, wal_level, wal_log_hints, shared_buffers' format.
  for (const key of Object.keys(parameters)) {
    if (FIXED_PARAMETERS.has(key)) errors.push(`spec.postgresql.parameters.${key}: Can't set fixed configuration parameter`);
  }
  if (parameters.wal_level === 'minimal' && (spec.instances ?? 1) > 1) {
    errors.push("spec.postgresql.parameters.wal_level: `wal_level` should be set at `logical` or `replica` when '.instances' field is greater than 1");
  }
  if (['off', 'false', '0'].includes(parameters.wal_log_hints ?? '') && (spec.instances ?? 1) > 1) {
    errors.push('spec.postgresql.parameters.wal_log_hints: `wal_log_hints` must be set to `on` when `instances` > 1');
  }
  const size = (key: string, fallback: string) => {
    try {
      return postgresSize(parameters[key] ?? fallback);
    } catch (error) {
      errors.push(`spec.postgresql.parameters.${key}: ${(error as Error).message}`);
      return NaN;
    }
  };
  const sharedBuffers = parameters.shared_buffers === undefined ? null : size('shared_buffers', '');
  // validateWalSizeConfiguration: min_wal_size < max_wal_size < the WAL volume.
  const minWal = size('min_wal_size', '80MB');
  const maxWal = size('max_wal_size', '1GB');
  if (minWal >= maxWal) errors.push('spec.postgresql.parameters.min_wal_size: should be smaller than max_wal_size');
  if (spec.walStorage?.size) {
    const wal = quantity(spec.walStorage.size);
    if (parameters.min_wal_size && minWal >= wal) errors.push('spec.postgresql.parameters.min_wal_size: should be smaller than WAL volume size');
    if (parameters.max_wal_size && maxWal >= wal) errors.push('spec.postgresql.parameters.max_wal_size: should be smaller than WAL volume size');
  }
  // validateResources: requests not above limits; shared_buffers within the memory request.
  const requests = spec.resources?.requests ?? {};
  const limits = spec.resources?.limits ?? {};
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests[r] !== undefined && limits[r] !== undefined && quantity(requests[r]) > quantity(limits[r])) {
      errors.push(`spec.resources.requests.${r}: request is greater than the limit`);
    }
  }
  if (sharedBuffers !== null && requests.memory !== undefined && sharedBuffers > quantity(requests.memory)) {
    errors.push('spec.resources.requests: Memory request is lower than PostgreSQL `shared_buffers` value');
  }
  // validateAntiAffinity.
  const antiAffinity = spec.affinity?.podAntiAffinityType;
  if (antiAffinity !== undefined && !['preferred', 'required', ''].includes(antiAffinity)) {
    errors.push("spec.affinity.podAntiAffinityType: pod anti-affinity type must be 'preferred' (default if empty) or 'required'");
  }
  // validateBootstrapMethod: one bootstrap method at most.
  const methods = Object.keys(spec.bootstrap ?? {}).filter((m) => ['initdb', 'recovery', 'pg_basebackup'].includes(m));
  if (methods.length > 1) errors.push('spec.bootstrap: Only one bootstrap method can be specified at a time');
  // validateRecoveryApplicationDatabase: database and owner together.
  const recovery = spec.bootstrap?.recovery;
  if (recovery && Boolean(recovery.database) !== Boolean(recovery.owner)) {
    errors.push('spec.bootstrap.recovery: database and owner must be set together');
  }
  // validateBootstrapRecoverySource: the source is an external cluster that can be recovered from.
  if (recovery?.source) {
    const source = (spec.externalClusters ?? []).find((c: { name: string }) => c.name === recovery.source);
    if (!source) errors.push(`spec.bootstrap.recovery.source: External cluster ${recovery.source} not found`);
    else if (!source.connectionParameters && !source.barmanObjectStore && !source.plugin) {
      errors.push(`spec.bootstrap.recovery.source: External cluster ${recovery.source} cannot be used for recovery`);
    }
  }
  // validateExternalClusters: unique names, each with a way to reach it, names usable as paths.
  const names = (spec.externalClusters ?? []).map((c: { name: string }) => c.name);
  if (new Set(names).size !== names.length) errors.push('spec.externalClusters: the list of external clusters contains duplicate values');
  for (const c of spec.externalClusters ?? []) {
    if (!c.connectionParameters && !c.barmanObjectStore && !c.plugin) {
      errors.push(`spec.externalClusters.${c.name}: one of connectionParameters, plugin and barmanObjectStore is required`);
    }
    if (c.name === '.' || c.name === '..' || /[/\\]/.test(c.name)) errors.push(`spec.externalClusters.${c.name}: cannot contain a path separator or a '..' component`);
  }
  // validatePluginConfiguration: one WAL archiver, and none beside the in-tree barmanObjectStore.
  const archivers = (spec.plugins ?? []).filter((p: { enabled?: boolean; isWALArchiver?: boolean }) => p.enabled !== false && p.isWALArchiver);
  if (archivers.length > 1) errors.push('spec.plugins: Cannot enable more than one WAL archiver plugin');
  if (archivers.length > 0 && spec.backup?.barmanObjectStore) errors.push('spec.plugins: Cannot enable a WAL archiver plugin when barmanObjectStore is configured');
  // validateStorageSize / validateWalStorageSize: a size (or a PVC template) is given and parses.
  for (const [path, storage] of [['spec.storage', spec.storage], ['spec.walStorage', spec.walStorage]] as const) {
    if (!storage) continue;
    if (!storage.size && !storage.pvcTemplate) errors.push(`${path}: Size not configured`);
    if (storage.size) {
      try {
        quantity(storage.size);
      } catch (error) {
        errors.push(`${path}.size: ${(error as Error).message}`);
      }
    }
  }
  return errors;
}

/** The ScheduledBackup webhook: the schedule parses as a six-field (seconds first) cron expression. */
export function scheduledBackupWebhookErrors(backup: K8sObject): string[] {
  const schedule: string = backup.spec?.schedule ?? '';
  const fields = schedule.trim().split(/\s+/);
  const field = /^(\*|\?|[\d,\-/*A-Za-z]+)$/;
  if (schedule.startsWith('@')) return [];
  if (!fields.every((f) => field.test(f))) return [`spec.schedule: cannot parse ${JSON.stringify(schedule)}`];
  // robfig/cron with seconds: five fields parse too but are read as seconds-first (the webhook warns).
  if (fields.length !== 6) return [`spec.schedule: ${JSON.stringify(schedule)} has ${fields.length} fields; CloudNativePG reads six (seconds first)`];
  return [];
}
