import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput } from '../common/domain-error.js';
import { oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { FieldOfActionEntity } from './field-of-action.entity.js';

@Injectable()
export class FieldsOfActionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<FieldOfActionEntity[]> {
    return this.db.getRepository(FieldOfActionEntity).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  /** The fields for the keys, in the order given; an unknown key is BAD_USER_INPUT naming `field`. */
  async byKeys(keys: string[], field: string, tx: EntityManager = this.db.manager): Promise<FieldOfActionEntity[]> {
    const unique = [...new Set(keys)];
    if (!unique.length) return [];
    // Keys are plain words: anything else (control characters PostgreSQL refuses, say) is simply unknown.
    const plain = unique.filter((k) => /^[\p{L}\p{N}_-]{1,100}$/u.test(k));
    const found = plain.length ? await tx.getRepository(FieldOfActionEntity).findBy({ key: In(plain) }) : [];
    const byKey = new Map(found.map((f) => [f.key, f]));
    const unknown = unique.filter((k) => !byKey.has(k));
    if (unknown.length) throw badInput(field, `${unknown.length > 1 ? 'unbekannte Handlungsfelder' : 'unbekanntes Handlungsfeld'} ${unknown.map((k) => `„${k}“`).join(', ')}`);
    return unique.map((k) => byKey.get(k)!);
  }

  load(loaders: RequestLoaders, id: string): Promise<FieldOfActionEntity | null> {
    return loaders
      .get('fieldOfAction.byId', () => oneByKey((ids) => this.db.getRepository(FieldOfActionEntity).findBy({ id: In(ids) }), (f) => f.id))
      .load(id);
  }
}
