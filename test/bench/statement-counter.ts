// Statements per request for the page bench, counted inside a bench server: every call of
// pg.Client.prototype.query (TypeORM, the hub's prepared-statement pool and plain pg all end there,
// as in test/e2e/sql-count.e2e-spec.ts), read by the harness through a tiny HTTP side channel on a
// port of its own, so that neither server's routes change.
import { createServer } from 'node:http';
import pg from 'pg';

/** Starts counting in this process and serves the running count on a free loopback port; returns the port. */
export async function serveStatementCount(): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const server = createServer((_req, res) => res.end(String(count)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
