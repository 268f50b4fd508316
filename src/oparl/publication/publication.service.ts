import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import { AccessService } from '../../auth/access.service.js';
import type { Viewer } from '../../auth/viewer.js';
import type { RequestLoaders } from '../../common/request-loaders.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { NetworkRole } from '../../networks/network.enums.js';
import type { NetworkModel } from '../../networks/network.model.js';
import { NetworksService, toModel } from '../../networks/networks.service.js';
import { OparlSyncService } from '../view/oparl-sync.service.js';
import { OparlUrls } from '../oparl-urls.js';
import { Publication } from './publication.enum.js';

/** Whether a network has a public face (OParl), and who may change it. */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly networks: NetworksService,
    private readonly access: AccessService,
    private readonly sync: OparlSyncService,
  ) {}

  /** Network ADMINs (and hub admins); audited in the same transaction. */
  async set(viewer: Viewer, networkId: string, publication: Publication): Promise<NetworkModel> {
    const network = await this.networks.requireVisible(viewer, networkId);
    await this.access.requireNetworkRole(viewer, network, NetworkRole.ADMIN);
    await this.db.transaction(async (tx) => {
      const [before] = await tx.query<{ publication: Publication }[]>('SELECT publication FROM network_publication WHERE network_id = $1 FOR UPDATE', [network.id]);
      if ((before?.publication ?? Publication.PRIVATE) === publication) return;
      await tx.query(
        `INSERT INTO network_publication (network_id, publication, changed_at) VALUES ($1, $2, now())
         ON CONFLICT (network_id) DO UPDATE SET publication = EXCLUDED.publication, changed_at = now()`,
        [network.id, publication],
      );
      await recordAudit(tx, {
        actor: viewer, action: 'network.publication.set', subjectType: 'Network', subjectId: network.id, networkId: network.id,
        summary: publication === Publication.PUBLIC
          ? 'Netzwerk öffentlich gemacht: sein öffentlicher Teil ist ohne Anmeldung über OParl lesbar.'
          : 'Netzwerk nicht mehr öffentlich: OParl meldet seine Objekte als gelöscht.',
      });
    });
    this.sync.invalidate();
    return toModel(network, 'full');
  }

  load(loaders: RequestLoaders, networkId: string): Promise<Publication> {
    return loaders
      .get('networkPublication', () => new DataLoader<string, Publication>(async (ids) => {
        const rows = await this.db.query<{ network_id: string; publication: Publication }[]>(
          'SELECT network_id, publication FROM network_publication WHERE network_id = ANY($1::uuid[])',
          [ids],
        );
        const byId = new Map(rows.map((r) => [r.network_id, r.publication]));
        return ids.map((id) => byId.get(id) ?? Publication.PRIVATE);
      }))
      .load(networkId);
  }

  bodyUrl(networkId: string): string {
    return new OparlUrls(this.config.publicBaseUrl).url(OparlUrls.body(networkId));
  }
}
