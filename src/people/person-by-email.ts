import type { EntityManager } from 'typeorm';

/**
 * The person (not erased) with this e-mail address, compared case-insensitively; the oldest if
 * several share it. For matching an address a mail program named (DELEGATED-TO) to a person.
 */
export async function personIdByEmail(db: EntityManager, email: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }[]>(
    'SELECT id FROM person WHERE lower(email) = lower($1) AND erased_at IS NULL ORDER BY created_at, id LIMIT 1',
    [email.trim()],
  );
  return row?.id ?? null;
}
