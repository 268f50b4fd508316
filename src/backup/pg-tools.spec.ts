import { describe, expect, it } from '@jest/globals';
import { findPgTool, libpqTarget } from './pg-tools.js';

describe('PostgreSQL client tools', () => {
  it('finds a pg_dump at least as new as the server, and says in German what to install when there is none', async () => {
    const found = await findPgTool('pg_dump', 15);
    expect(found.major).toBeGreaterThanOrEqual(15);
    await expect(findPgTool('pg_dump', 99)).rejects.toThrow(/pg_dump \d+ \(.*\) ist zu alt: der Server ist PostgreSQL 99\. .*apt-get install postgresql-client-99/);
    await expect(findPgTool('pg_restore', 99)).rejects.toThrow(/die Sicherung wurde mit pg_dump 99 geschrieben/);
  });

  it('keeps the password off the command line', () => {
    expect(libpqTarget('postgres://hub:s%40cret@db.example.org:5433/interkom?sslmode=require')).toEqual({
      dbname: 'postgres://hub@db.example.org:5433/interkom?sslmode=require',
      env: { PGPASSWORD: 's@cret' },
    });
    expect(libpqTarget('postgres://postgres@127.0.0.1:5432/x')).toEqual({ dbname: 'postgres://postgres@127.0.0.1:5432/x', env: {} });
  });
});
