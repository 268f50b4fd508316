// Data source for the TypeORM CLI (migration:generate and its --check). Migrations are applied by
// src/cli/migrate.ts (npm run migrate), under the migration lock, never by TypeORM's migration:run.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options.js';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('The TypeORM CLI needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/interkom_dev)');
}
export default new DataSource(typeormOptions(url));
