// Validates rendered Kubernetes objects against the models generated from the official schemas:
// kubernetes-models (the Kubernetes OpenAPI), @kubernetes-models/cloudnative-pg (CloudNativePG's
// API types, which its CRDs are generated from) and @kubernetes-models/prometheus-operator, plus a
// hand-written outer layer for the Barman Cloud plugin's ObjectStore (barman-cloud-object-store.ts).
//
// Two checks, as `kubectl apply --validate=strict` and the API server's field validation would:
// - the models' compiled ajv validators: types, enums, formats, required fields, patterns. They
//   let unknown fields through.
// - the TypeScript compiler: each object is written as an object literal typed with its model's
//   interface (`const o: ICluster = {…}`, a virtual file of an in-memory program that checks all
//   objects of a call at once). Its excess property check refuses an unknown field at any depth
//   (TS2353), but only the first in each literal: unknownFields() walks the literal with the
//   checker's contextual types and reports them all. Type errors: a wrong type (TS2322), a missing
//   required field (TS2741), a value not in an enum's union (TS2322, TS2820).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import { ScheduledBackup } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { objectStoreModels } from './barman-cloud-object-store.js';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: any;
};

const SUPPORT = dirname(fileURLToPath(import.meta.url));

/** `kubectl kustomize DIR`, parsed; throws with kustomize's own message when it refuses. */
export function renderKustomization(dir: string): K8sObject[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('kubectl is not installed: the Kubernetes manifests are rendered with `kubectl kustomize`');
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr || e.message}`);
  }
  return parseAllDocuments(out).map((d) => {
    if (d.errors.length) throw new Error(`${dir}: ${d.errors[0].message}`);
    return d.toJS() as K8sObject;
  });
}

/** Something with the models' validate(), which throws an ajv ValidationError. */
type Validatable = { validate(): void };
type Model = new (data: any) => Validatable;
/** A kind: the module and interface the TypeScript check types it with, and the models ajv validates it with. */
type KindEntry = { module: string; type: string; models: (object: K8sObject) => [string, Validatable][] };

const whole = (model: Model) => (object: K8sObject): [string, Validatable][] => [['', new model(object)]];
const builtin = (apiVersion: string, kind: string, model: Model): [string, KindEntry] => [
  `${apiVersion}/${kind}`,
  { module: `kubernetes-models/${apiVersion}/${kind}`, type: `I${kind}`, models: whole(model) },
];

/** The kinds deploy/kubernetes uses, as apiVersion/kind; a new one needs a line here. */
const KINDS = new Map<string, KindEntry>([
  builtin('v1', 'Namespace', Namespace),
  builtin('v1', 'ConfigMap', ConfigMap),
  builtin('v1', 'Secret', Secret),
  builtin('v1', 'Service', Service),
  builtin('v1', 'ServiceAccount', ServiceAccount),
  builtin('apps/v1', 'Deployment', Deployment),
  builtin('batch/v1', 'Job', Job),
  builtin('policy/v1', 'PodDisruptionBudget', PodDisruptionBudget),
  builtin('autoscaling/v2', 'HorizontalPodAutoscaler', HorizontalPodAutoscaler),
  builtin('networking.k8s.io/v1', 'Ingress', Ingress),
  builtin('networking.k8s.io/v1', 'NetworkPolicy', NetworkPolicy),
  ['postgresql.cnpg.io/v1/Cluster', { module: '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster', type: 'ICluster', models: whole(Cluster) }],
  ['postgresql.cnpg.io/v1/ScheduledBackup', { module: '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup', type: 'IScheduledBackup', models: whole(ScheduledBackup) }],
  ['monitoring.coreos.com/v1/PodMonitor', { module: '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor', type: 'IPodMonitor', models: whole(PodMonitor) }],
  ['barmancloud.cnpg.io/v1/ObjectStore', { module: './barman-cloud-object-store.js', type: 'IObjectStore', models: objectStoreModels }],
]);

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2023.d.ts'],
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
};

/** Where a value of the object literal sits in the generated source, and its JSON path. */
type Span = { start: number; end: number; path: string };

/** The object as a TypeScript object literal, with the span of every property and array item. */
function literal(value: unknown, offset: number, path: string, spans: Span[]): string {
  if (Array.isArray(value)) {
    let text = '[';
    value.forEach((item, i) => {
      if (i) text += ',';
      const start = offset + text.length;
      text += literal(item, start, `${path}/${i}`, spans);
      spans.push({ start, end: offset + text.length, path: `${path}/${i}` });
    });
    return `${text}]`;
  }
  if (value !== null && typeof value === 'object') {
    let text = '{';
    Object.entries(value).forEach(([key, item], i) => {
      if (i) text += ',';
      const start = offset + text.length;
      text += `${JSON.stringify(key)}:`;
      text += literal(item, offset + text.length, `${path}/${key}`, spans);
      spans.push({ start, end: offset + text.length, path: `${path}/${key}` });
    });
    return `${text}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Parsed library and package declarations, shared by every program this process builds. */
const sourceFiles = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

/** TypeScript's verdict on each object (by index), as `path: message` lines. */
function typeErrors(objects: { entry: KindEntry; object: K8sObject }[]): string[][] {
  const files = new Map<string, { text: string; spans: Span[]; index: number }>();
  objects.forEach(({ entry, object }, index) => {
    const head = `import type { ${entry.type} } from ${JSON.stringify(entry.module)};\nexport const o: ${entry.type} = `;
    const spans: Span[] = [];
    const text = `${head}${literal(object, head.length, '', spans)};\n`;
    files.set(join(SUPPORT, `.k8s-object-${index}.ts`), { text, spans, index });
  });
  const host = ts.createCompilerHost(OPTIONS, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, language, onError, fresh) => {
    const virtual = files.get(fileName);
    if (virtual) return ts.createSourceFile(fileName, virtual.text, language, true);
    let file = sourceFiles.get(fileName);
    if (!file || fresh) {
      file = getSourceFile.call(host, fileName, language, onError, fresh);
      if (file) sourceFiles.set(fileName, file);
    }
    return file;
  };
  host.fileExists = (fileName) => files.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => files.get(fileName)?.text ?? readFile.call(host, fileName);
  host.writeFile = () => {};
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host, oldProgram: previous });
  previous = program;

  const setup = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (setup.length) throw new Error(`the TypeScript check cannot run: ${ts.formatDiagnostics(setup, host)}`);
  const checker = program.getTypeChecker();
  const errors: string[][] = objects.map(() => []);
  for (const [fileName, { spans, index }] of files) {
    const source = program.getSourceFile(fileName)!;
    // The innermost property or item a position points into.
    const pathAt = (position: number | undefined) =>
      spans.filter((s) => position !== undefined && s.start <= position && position < s.end).sort((a, b) => b.start - a.start)[0]?.path || '/';
    const unknown = new Set<string>();
    const declaration = source.statements.find(ts.isVariableStatement)?.declarationList.declarations[0];
    if (declaration?.initializer) {
      for (const { position, type, field } of unknownFields(checker, declaration.initializer)) {
        const path = pathAt(position);
        unknown.add(path);
        errors[index].push(`${path}: unknown field "${field}" (not in ${type})`);
      }
    }
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const path = pathAt(d.start);
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      if (d.code === 2353 || d.code === 2561) {
        // The excess property check: the walk above has found it (and the others in the same literal).
        if (!unknown.has(path)) errors[index].push(`${path}: ${message} (TS${d.code})`);
      } else if (d.code === 2741) {
        const [, field, type] = /Property '"?([^'"]+)"?' is missing in type .* but required in type '([^']+)'/.exec(message) ?? [];
        errors[index].push(field ? `${path}: missing required field "${field}" (in ${type}; TS2741)` : `${path}: ${message} (TS2741)`);
      } else {
        errors[index].push(`${path}: ${message.length > 300 ? `${message.slice(0, 300)}…` : message} (TS${d.code})`);
      }
    }
  }
  return errors;
}

/**
 * Every property of an object literal that its contextual type (the model's interface at that
 * depth) does not declare. TypeScript's own excess property check (TS2353) stops at the first one
 * in each literal; this walk finds them all. Maps (index signatures) take any key.
 */
function unknownFields(checker: ts.TypeChecker, node: ts.Expression): { position: number; type: string; field: string }[] {
  const found: { position: number; type: string; field: string }[] = [];
  if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) found.push(...unknownFields(checker, element));
  } else if (ts.isObjectLiteralExpression(node)) {
    const contextual = checker.getContextualType(node);
    const targets = (contextual?.isUnion() ? contextual.types : contextual ? [contextual] : []).filter((t) => t.flags & ts.TypeFlags.Object);
    const open = targets.length === 0 || targets.some((t) => checker.getIndexInfosOfType(t).length > 0);
    const known = new Set(targets.flatMap((t) => checker.getPropertiesOfType(t).map((p) => p.name)));
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const field = ts.isStringLiteral(property.name) || ts.isIdentifier(property.name) ? property.name.text : property.name.getText();
      if (!open && !known.has(field)) {
        found.push({ position: property.name.getStart(), type: targets.map((t) => checker.typeToString(t)).join(' | '), field });
      } else {
        found.push(...unknownFields(checker, property.initializer));
      }
    }
  }
  return found;
}

/** The models' ajv validators' verdict on one object, as `path: message` lines. */
function schemaErrors(entry: KindEntry, object: K8sObject): string[] {
  const errors: string[] = [];
  // Plain copies: the models take over the objects they are given.
  for (const [prefix, model] of entry.models(JSON.parse(JSON.stringify(object)) as K8sObject)) {
    try {
      model.validate();
    } catch (error) {
      const e = error as { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[]; message: string };
      if (!e.errors) throw error;
      for (const a of e.errors) {
        const allowed = a.params?.allowedValues ? ` (${JSON.stringify(a.params.allowedValues)})` : '';
        errors.push(`${prefix}${a.instancePath || (prefix ? '' : '/')}: ${a.message}${allowed}`);
      }
    }
  }
  return errors;
}

export class ManifestValidator {
  /** The kinds there is a model for, as apiVersion/kind. */
  get kinds(): string[] {
    return [...KINDS.keys()];
  }

  /**
   * Everything the models' schemas and the TypeScript check refuse, for each object (in order), as
   * `Kind/name: path: message` lines. One TypeScript program for all of them: pass many at once.
   */
  validate(objects: K8sObject[]): string[][] {
    const errors: string[][] = objects.map(() => []);
    const typed: { entry: KindEntry; object: K8sObject; index: number }[] = [];
    objects.forEach((object, index) => {
      const id = `${object.kind}/${object.metadata?.name}`;
      const entry = KINDS.get(`${object.apiVersion}/${object.kind}`);
      if (!entry) errors[index].push(`${id}: no model for ${object.apiVersion} ${object.kind} (add it to KINDS in test/support/k8s-validate.ts)`);
      else {
        errors[index].push(...schemaErrors(entry, object).map((e) => `${id}: ${e}`));
        typed.push({ entry, object, index });
      }
    });
    typeErrors(typed).forEach((found, i) => {
      const { object, index } = typed[i];
      errors[index].push(...found.map((e) => `${object.kind}/${object.metadata?.name}: ${e}`));
    });
    return errors;
  }
}
