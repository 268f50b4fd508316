import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import de from './de.json';
import { ENUM_LABELS } from './enum-labels';

/** schema.gql is what the client's types are generated from (codegen.ts): its enums are the client's. */
const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../schema.gql'), 'utf8'));
const enums = Object.values(schema.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith('__'));

const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], de);

describe('German labels for every GraphQL enum', () => {
  it('finds the enums of the schema', () => {
    expect(enums.length).toBeGreaterThan(20);
  });

  it.each(enums.map((e) => [e.name, e]))('%s: every value has a German label', (name, type) => {
    const prefix = (ENUM_LABELS as Record<string, string>)[name];
    expect(prefix, `ENUM_LABELS has no entry for ${name}`).toBeDefined();
    if (!isEnumType(type)) return;
    const missing = type.getValues().filter((v) => typeof lookup(`${prefix}.${v.name}`) !== 'string' || !(lookup(`${prefix}.${v.name}`) as string).trim());
    expect(missing.map((v) => v.name), `labels missing under ${prefix}`).toEqual([]);
  });

  it('labels are words, not the codes again', () => {
    for (const type of enums) {
      if (!isEnumType(type)) continue;
      for (const value of type.getValues()) expect(lookup(`${ENUM_LABELS[type.name as keyof typeof ENUM_LABELS]}.${value.name}`)).not.toBe(value.name);
    }
  });

  it('has no entry for an enum the schema no longer has', () => {
    const names = new Set(enums.map((e) => e.name));
    expect(Object.keys(ENUM_LABELS).filter((n) => !names.has(n))).toEqual([]);
  });
});
