// Restores a backup: npm run restore -- <file> [--force]   (`-` = standard input)
// Into DATA_DIR (a backup of the embedded database) or DATABASE_URL (a backup of a PostgreSQL
// server); point either at a scratch place to look at a backup without touching the real one.
import { BackupError } from '../backup/backup-manifest.js';
import { restoreEmbedded } from '../backup/embedded-backup.js';
import { restoreExternal } from '../backup/external-backup.js';
import { ConfigError, loadStorageConfig } from '../config/config.js';
import { DataDirBusyError } from '../database/data-dir-lock.js';

const USAGE = 'Aufruf: npm run restore -- <datei> [--force]   (- liest von der Standardeingabe; --force, gleichbedeutend --clean, überschreibt ein nicht leeres Ziel)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force') || args.includes('--clean');
  const rest = args.filter((a) => a !== '--force' && a !== '--clean');
  if (rest.length !== 1 || (rest[0]!.startsWith('-') && rest[0] !== '-')) fail(USAGE, 2);
  const file = rest[0]!;
  const { dataDir, databaseUrl } = loadStorageConfig();
  const manifest = databaseUrl ? await restoreExternal(databaseUrl, dataDir, file, force) : await restoreEmbedded(dataDir, file, force);
  console.error(
    `Sicherung vom ${manifest.createdAt} (Hub ${manifest.hubVersion}, letzte Migration ${manifest.lastMigration}) zurückgespielt in ` +
      `${databaseUrl ? `die Datenbank ${new URL(databaseUrl).pathname.slice(1)} auf ${new URL(databaseUrl).host}` : dataDir}. Der Hub kann jetzt starten.`,
  );
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof DataDirBusyError || error instanceof ConfigError) fail(`Wiederherstellung abgebrochen: ${error.message}`);
  fail(`Wiederherstellung fehlgeschlagen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
