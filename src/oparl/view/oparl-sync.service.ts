import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { berlinDate } from './oparl-format.js';
import { renderInstant, settle, systemCreated, type LedgerState } from './oparl-ledger.js';
import { renderNetwork, renderSystem, type OparlRecord, type PublicNetwork } from './oparl-render.js';
import { OparlUrls } from '../oparl-urls.js';

/** Serialises syncs across instances (pg_advisory_xact_lock key). */
const SYNC_LOCK = 0x0ba1_2024;
/** Also without requests, so that an erased or withdrawn person leaves the ledger soon. */
const PERIODIC_MS = 60_000;

/**
 * Keeps the ledger of the public OParl view (oparl_object) in line with the hub: renders the
 * System and every PUBLIC network, stores what changed with modified = now (an object that embeds
 * a changed one changed too), and marks what is no longer public
 * (network set PRIVATE, meeting deleted, consent withdrawn, person erased, item made non-public)
 * as deleted, its data emptied. Requests call fresh() first; a view younger than
 * OPARL_REFRESH_MS is served as it is, and an older one is rendered again only when the hub
 * changed (the change marker, oparl_change).
 */
@Injectable()
export class OparlSyncService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OparlSyncService.name);
  private readonly urls: OparlUrls;
  private running: Promise<void> | null = null;
  private runningSince = 0;
  private doneSince = -Infinity;
  private timer?: NodeJS.Timeout;
  /** The first sync of this instance renders whatever the marker says (rendering code may have changed). */
  private forceNext = true;
  /** The Berlin date of the last render. */
  private renderedDay: string | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.urls = new OparlUrls(config.publicBaseUrl);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.fresh().catch((e: Error) => this.logger.warn(`OParl sync failed: ${e.message}`)), PERIODIC_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The next request brings the view up to date (after a change this instance made). */
  invalidate(): void {
    this.doneSince = -Infinity;
  }

  /** Returns once the view reflects the hub as of at most OPARL_REFRESH_MS before this call. */
  async fresh(): Promise<void> {
    const oldestAcceptable = Date.now() - this.config.oparlRefreshMs;
    for (;;) {
      if (this.doneSince >= oldestAcceptable) return;
      if (this.running) {
        const since = this.runningSince;
        await this.running.catch(() => undefined);
        if (since >= oldestAcceptable && this.doneSince >= since) return;
        continue;
      }
      this.runningSince = Date.now();
      const started = this.runningSince;
      this.running = this.sync().then(
        () => {
          this.doneSince = Math.max(this.doneSince, started);
        },
      ).finally(() => {
        this.running = null;
      });
      await this.running;
      return;
    }
  }

  /**
   * Renders only when something the view is made of changed since the last render (the rows of
   * oparl_change, written by triggers in the writers' transactions), after this instance started
   * (its code may render differently), or on a new day (member counts count the memberships of
   * today). Otherwise one cheap statement, and the connection is free again at once.
   */
  private async sync(): Promise<void> {
    const today = berlinDate(new Date());
    const force = this.forceNext || this.renderedDay !== today;
    if (!force) {
      // Also when the System row is missing or deleted: an instance of an earlier version (during a
      // rolling update) renders no System and marks the row gone.
      const [pending] = await this.db.query<{ changed: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM oparl_change) OR NOT EXISTS (SELECT 1 FROM oparl_object WHERE path = $1 AND NOT deleted) AS changed`,
        [OparlUrls.system],
      );
      if (!pending?.changed) return;
    }
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SYNC_LOCK]);
      // Exactly the changes this render sees; one committed meanwhile stays for the next render.
      const seen = (await tx.query<{ id: string }[]>('SELECT id FROM oparl_change')).map((r) => r.id);
      if (!seen.length && !force) {
        const [system] = await tx.query('SELECT 1 FROM oparl_object WHERE path = $1 AND NOT deleted', [OparlUrls.system]);
        if (system) return; // another instance rendered them meanwhile
      }
      await this.render(tx);
      if (seen.length) await tx.query('DELETE FROM oparl_change WHERE id = ANY($1::bigint[])', [seen]);
    });
    this.forceNext = false;
    this.renderedDay = today;
  }

  private async render(tx: EntityManager): Promise<void> {
    const networks = await tx.query<PublicNetwork[]>(
      `SELECT n.id, n.slug, n.name, n.created_at, np.changed_at AS public_since FROM network n
         JOIN network_publication np ON np.network_id = n.id WHERE np.publication = 'PUBLIC' ORDER BY n.id`,
    );
    const known = new Map(
      (await tx.query<(LedgerState & { path: string })[]>('SELECT path, hash, deleted, created, modified FROM oparl_object')).map((r) => [r.path, r]),
    );
    const [{ clock }] = await tx.query<{ clock: Date }[]>('SELECT clock_timestamp() AS clock');
    const now = renderInstant(known, clock);
    const records: OparlRecord[] = [renderSystem(this.urls, systemCreated(known, now))];
    for (const net of networks) records.push(...(await renderNetwork(tx, net, this.urls)));
    const settled = settle(records, known, now, (url) => this.urls.pathOf(url));
    const changed = settled.filter((r) => r.changed);
    const live = new Set(records.map((r) => r.path));
    const gone = [...known.values()].filter((k) => !k.deleted && !live.has(k.path)).map((k) => k.path);
    if (!changed.length && !gone.length) return;
    if (changed.length) {
      await tx.query(
        `INSERT INTO oparl_object (path, kind, network_id, group_ids, data, content, hash, created, modified, deleted)
         SELECT x.path, x.kind, x.network_id, x.group_ids::uuid[], x.data, x.content, x.hash, x.created, $2, false
           FROM jsonb_to_recordset($1::jsonb) AS x(path text, kind text, network_id uuid, group_ids text, data jsonb, content text, hash text, created timestamptz)
         ON CONFLICT (path) DO UPDATE SET kind = EXCLUDED.kind, network_id = EXCLUDED.network_id, group_ids = EXCLUDED.group_ids,
           data = EXCLUDED.data, content = EXCLUDED.content, hash = EXCLUDED.hash, modified = EXCLUDED.modified, deleted = false`,
        [
          JSON.stringify(changed.map((r) => ({
            path: r.path, kind: r.kind, network_id: r.networkId, group_ids: `{${r.groupIds.join(',')}}`, data: r.data, content: r.content ?? null, hash: r.hash, created: r.created,
          }))),
          now,
        ],
      );
    }
    if (gone.length) {
      // OParl 1.1 §2.8: id, type and created stay; modified is the deletion; everything else goes.
      await tx.query(`UPDATE oparl_object SET deleted = true, data = NULL, content = NULL, hash = 'deleted', modified = $2 WHERE path = ANY($1::text[])`, [gone, now]);
    }
    this.logger.log(`OParl view: ${changed.length} object(s) new or changed, ${gone.length} no longer public`);
  }
}
