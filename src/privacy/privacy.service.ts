import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Viewer } from '../auth/viewer.js';
import { PersonEntity } from '../people/person.entity.js';
import type { PrivacySettingsInput } from './privacy.inputs.js';

const onOff = (v: boolean) => (v ? 'an' : 'aus');

/** Consent: each person decides whether public outputs may name them, and whether they get e-mail. */
@Injectable()
export class PrivacyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async setSettings(viewer: Viewer, input: PrivacySettingsInput): Promise<PersonEntity> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query<{ public_profile: boolean; notify_by_email: boolean }[]>(
        'SELECT public_profile, notify_by_email FROM person WHERE id = $1 FOR UPDATE',
        [viewer.personId],
      );
      const publicProfile = input.publicProfile ?? current.public_profile;
      const notifyByEmail = input.notifyByEmail ?? current.notify_by_email;
      if (publicProfile !== current.public_profile || notifyByEmail !== current.notify_by_email) {
        await tx.query('UPDATE person SET public_profile = $2, notify_by_email = $3, updated_at = now() WHERE id = $1', [viewer.personId, publicProfile, notifyByEmail]);
        const changes = [
          publicProfile !== current.public_profile ? `öffentliches Profil ${onOff(publicProfile)}` : null,
          notifyByEmail !== current.notify_by_email ? `E-Mail-Benachrichtigungen ${onOff(notifyByEmail)}` : null,
        ].filter(Boolean);
        await recordAudit(tx, {
          actor: viewer, action: 'person.privacy.set', subjectType: 'Person', subjectId: viewer.personId, networkId: null, aboutPersonId: viewer.personId,
          summary: `Datenschutz-Einstellungen geändert: ${changes.join(', ')}.`,
        });
      }
      return tx.getRepository(PersonEntity).findOneByOrFail({ id: viewer.personId });
    });
  }
}
