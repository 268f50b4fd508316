// Writes a backup: npm run backup -- <file>   (`-` = standard output: npm run --silent backup -- - > x)
// The embedded database (no DATABASE_URL): DATA_DIR as a whole, refused while a hub runs on it.
// An external PostgreSQL (DATABASE_URL): pg_dump --format=custom plus DATA_DIR's other files.
import { BackupError } from '../backup/backup-manifest.js';
import { backupEmbedded } from '../backup/embedded-backup.js';
import { backupExternal } from '../backup/external-backup.js';
import { ConfigError, loadStorageConfig } from '../config/config.js';
import { DataDirBusyError } from '../database/data-dir-lock.js';

const USAGE = 'Aufruf: npm run backup -- <datei>   (- schreibt auf die Standardausgabe)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || (args[0]!.startsWith('-') && args[0] !== '-')) fail(USAGE, 2);
  const file = args[0]!;
  const { dataDir, databaseUrl } = loadStorageConfig();
  const manifest = databaseUrl ? await backupExternal(databaseUrl, dataDir, file) : await backupEmbedded(dataDir, file);
  // Standard error: standard output may be the backup itself.
  console.error(
    `Sicherung geschrieben: ${file === '-' ? 'Standardausgabe' : file} (${manifest.database === 'embedded' ? `eingebettete Datenbank aus ${dataDir}` : 'PostgreSQL-Server'}, ` +
      `Hub ${manifest.hubVersion}, letzte Migration ${manifest.lastMigration}).`,
  );
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof DataDirBusyError || error instanceof ConfigError) fail(`Sicherung abgebrochen: ${error.message}`);
  fail(`Sicherung fehlgeschlagen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
