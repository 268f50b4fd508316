// Holds DATA_DIR's lock in a process of its own until killed (data-dir-lock.spec.ts kills it with -9).
import { DataDirLock } from '../../src/database/data-dir-lock.js';

await DataDirLock.acquire(process.argv[2]!, 'hub');
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
