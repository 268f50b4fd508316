import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isOparlDate, isOparlDateTime, specTextProblems } from './oparl-spec-text.js';
import type { TestHub } from './test-hub.js';

/**
 * The project's own copy of the official schemas (a fresh clone has no ../shared beside it;
 * .ci/run checks that the copy equals ../shared/oparl-1.1-schema).
 */
const SCHEMA_DIR = new URL('./oparl-1.1-schema/', import.meta.url).pathname;
// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/**
 * The official OParl 1.1 schemas compiled with ajv (non-strict: they carry keywords of their own,
 * and a `url` format). Body.json's mainOrganization points at the Organization object schema for a
 * URL string; Interkom never sends that optional field, and the check below removes it so that the
 * schema compiles as meant. Their `date-time` and `date` formats are checked as the spec text
 * narrows them (§2.4: `yyyy-mm-ddThh:mm:ss±hh:mm`, `yyyy-mm-dd`), not as RFC 3339 allows.
 */
export function oparlValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('url', { type: 'string', validate: (s: string) => /^https?:\/\//.test(s) && URL.canParse(s) });
  ajv.addFormat('date-time', { type: 'string', validate: isOparlDateTime });
  ajv.addFormat('date', { type: 'string', validate: isOparlDate });
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'));
  const schemas = files.map((f) => JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as { $id: string; title: string; properties: Record<string, unknown> });
  for (const s of schemas) {
    if (s.title === 'Body') delete s.properties.mainOrganization;
    ajv.addSchema(s);
    // Their $refs name the files ("Organization.json"), their $ids do not end in .json.
    ajv.addSchema({ ...s, $id: `${s.$id}.json` });
  }
  return new Map(schemas.map((s) => [`https://schema.oparl.org/1.1/${s.title}`, ajv.getSchema(s.$id)!]));
}

export interface Crawl {
  /** Every JSON document by URL. */
  documents: Map<string, unknown>;
  /** Every object (top-level or in a list or embedded) by id. */
  objects: Map<string, Record<string, unknown>>;
  /** Every file's bytes by access URL. */
  files: Map<string, Buffer>;
  /** Every body text the API answered, for searching what must never appear. */
  text: string;
  problems: string[];
}

/**
 * Follows every URL of the API from /oparl/v1/system (objects, lists with their next pages,
 * embedded objects, files), without sign-in, and validates every object against its type's schema
 * and the spec text's rules (oparl-spec-text.ts), every list against OParl's list format, and
 * every JSON answer for its CORS header (§2.6).
 */
export async function crawl(hub: TestHub, base: string, validators: Map<string, ValidateFunction>): Promise<Crawl> {
  const root = `${base}/oparl/v1/`;
  const result: Crawl = { documents: new Map(), objects: new Map(), files: new Map(), text: '', problems: [] };
  const queue = [`${root}system`];
  const seen = new Set(queue);
  // A File's bytes may be served outside the OParl root: the protocol PDF by the hub's download
  // route, the uploaded documents by GET /documents/:id.
  const enqueue = (url: string, key?: string) => {
    const fileBytes = (key === 'accessUrl' || key === 'downloadUrl') && url.startsWith(`${base}/`);
    if ((url.startsWith(root) || fileBytes || url.startsWith(`${base}/documents/`)) && !seen.has(url)) {
      seen.add(url);
      queue.push(url);
    }
  };
  const collect = (value: unknown, key?: string) => {
    if (typeof value === 'string') enqueue(value, key);
    else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  const check = (object: Record<string, unknown>, where: string, parentId?: string) => {
    const validate = validators.get(String(object.type));
    if (!validate) return result.problems.push(`${where}: unknown type ${String(object.type)}`);
    if (!(validate as (data: unknown) => boolean)(object)) result.problems.push(`${where} (${String(object.type)}): ${JSON.stringify(validate.errors)}`);
    if (typeof object.id !== 'string' || !object.id.startsWith(root)) result.problems.push(`${where}: id ${String(object.id)} not under ${root}`);
    const required = (validate.schema as { required?: string[] }).required ?? [];
    result.problems.push(...specTextProblems(object, where, required, parentId));
    // An embedded object is the object too (same id): the crawl keeps the one served at its own URL.
    if (parentId === undefined || !result.objects.has(String(object.id))) result.objects.set(String(object.id), object);
    for (const v of Object.values(object)) {
      for (const e of Array.isArray(v) ? v : [v]) {
        if (e && typeof e === 'object' && 'type' in e) check(e as Record<string, unknown>, `${where} › ${String((e as { id?: unknown }).id)}`, String(object.id));
      }
    }
  };
  while (queue.length) {
    if (seen.size > 3000) throw new Error('the crawl does not end');
    const url = queue.shift()!;
    const res = await hub.http.get(url.slice(base.length)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    if (res.status !== 200) {
      result.problems.push(`${url}: HTTP ${res.status}`);
      continue;
    }
    const body = res.body as Buffer;
    result.text += body.toString('utf8');
    if (!String(res.headers['content-type']).startsWith('application/json')) {
      result.files.set(url, body);
      continue;
    }
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    result.documents.set(url, json);
    if (res.headers['access-control-allow-origin'] !== '*') result.problems.push(`${url}: no Access-Control-Allow-Origin: * (§2.6)`);
    if ('data' in json) {
      const { data, pagination, links } = json as { data: unknown; pagination: unknown; links: Record<string, unknown> };
      if (!Array.isArray(data) || typeof pagination !== 'object' || typeof links !== 'object') result.problems.push(`${url}: not an OParl list`);
      for (const item of data as Record<string, unknown>[]) check(item, url);
    } else {
      check(json, url);
    }
    collect(json);
  }
  // Files: size and sha512Checksum of exactly the bytes served.
  for (const object of result.objects.values()) {
    if (object.type !== 'https://schema.oparl.org/1.1/File') continue;
    const bytes = result.files.get(String(object.accessUrl));
    if (!bytes) {
      result.problems.push(`${String(object.id)}: accessUrl not served`);
      continue;
    }
    if (bytes.length !== object.size) result.problems.push(`${String(object.id)}: size ${String(object.size)}, served ${bytes.length}`);
    if (createHash('sha512').update(bytes).digest('hex') !== object.sha512Checksum) result.problems.push(`${String(object.id)}: sha512Checksum does not match`);
  }
  return result;
}
