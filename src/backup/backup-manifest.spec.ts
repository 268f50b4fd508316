import { describe, expect, it } from '@jest/globals';
import { BackupError, checkRestorable, checkRestored, codeMigrations, createManifest, hubVersion, parseManifest } from './backup-manifest.js';

describe('backup manifest', () => {
  const manifest = createManifest({ database: 'embedded', postgresVersion: '18.0 (PGlite)', migrations: codeMigrations() });

  it('names the hub version, the last migration and the time', () => {
    expect(manifest).toMatchObject({ format: 'interkom-backup', formatVersion: 1, hubVersion: hubVersion(), lastMigration: codeMigrations().at(-1) });
    expect(hubVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
  });

  it('refuses a backup with a migration this code does not know, and one of the other kind', () => {
    const newer = { ...manifest, migrations: [...manifest.migrations, 'Future9999999999999'] };
    expect(() => checkRestorable(newer, 'embedded')).toThrow(/neueren Version des Hubs.*Future9999999999999/);
    expect(() => checkRestorable(manifest, 'external')).toThrow(/nur ohne DATABASE_URL/);
    expect(() => checkRestorable(manifest, 'embedded')).not.toThrow();
    // An older backup is fine: the hub runs the migrations it lacks when it starts.
    expect(() => checkRestorable({ ...manifest, migrations: manifest.migrations.slice(0, 3) }, 'embedded')).not.toThrow();
  });

  it('refuses what is no backup, or one of an unknown format', () => {
    expect(() => parseManifest(null)).toThrow(BackupError);
    expect(() => parseManifest('{')).toThrow(/kein gültiges JSON/);
    expect(() => parseManifest('{"format":"other"}')).toThrow(/keine Interkom-Sicherung/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, formatVersion: 2 }))).toThrow(/Format 2/);
    expect(() => createManifest({ database: 'external', postgresVersion: '15', migrations: [] })).toThrow(/nichts zu sichern/);
  });

  it('compares a restored database with the manifest', () => {
    expect(() => checkRestored(manifest, manifest.migrations)).not.toThrow();
    expect(() => checkRestored(manifest, manifest.migrations.slice(1))).toThrow(/passt nicht zur Sicherung/);
  });
});
