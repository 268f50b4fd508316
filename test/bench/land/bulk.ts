// Bulk inserts for the Land generator: one statement per chunk of rows, the columns sent as
// PostgreSQL arrays and unnested, instead of one round trip per row.
import type { EntityManager } from 'typeorm';

/** A column: its name and the PostgreSQL type of its array parameter (`uuid`, `text`, `organization_kind`, …). */
export type Column = [name: string, type: string];

const CHUNK = 20_000;

/** Inserts `rows` (each an array in the order of `columns`) into `table`. */
export async function insertRows(tx: EntityManager, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
    await tx.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${params})`, arrays);
  }
}
