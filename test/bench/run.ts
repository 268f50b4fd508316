// npm run bench: the ratio table (hub against the hand-written baseline, demo and ×100 data on
// PostgreSQL; ratio.ts), then with BENCH_SEARCH=1 the search cases over generated profiles
// (search.ts), then how long `npm start` takes to be healthy (startup.ts; BENCH_STARTUP=0 skips it). Numbers, not assertions: timing goals live here, not in tests.
import { runRatioBench } from './ratio.js';
import { runSearchBench } from './search.js';
import { runStartupBench } from './startup.js';

try {
  if (process.env.BENCH_ONLY !== 'startup') await runRatioBench();
  if (process.env.BENCH_STARTUP !== '0') await runStartupBench();
  if (process.env.BENCH_SEARCH === '1') await runSearchBench();
} catch (error) {
  console.error(error);
  process.exit(1);
}
