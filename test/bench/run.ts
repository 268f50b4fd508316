// npm run bench: the page table of issue 24 (the client's page documents against hand-written
// baselines at demo and Land sizes, with the mixed load; page-bench.ts; BENCH_PAGE_SIZES), then the
// ratio table of issue 13 (hub against the hand-written baseline, demo and ×100 data on
// PostgreSQL; ratio.ts), then with BENCH_SEARCH=1 the search cases over generated profiles
// (search.ts), then how long `npm start` takes to be healthy (startup.ts; BENCH_STARTUP=0 skips it),
// with BENCH_MATRIX=1 (under the Synapse lock) Matrix delivery against direct sends (matrix.ts).
// BENCH_ONLY=pages|ratio|startup|matrix runs one part. Numbers, not assertions: timing goals live here, not in tests.
import { runMatrixBench } from './matrix.js';
import { runPageBench } from './page-bench.js';
import { runRatioBench } from './ratio.js';
import { runSearchBench } from './search.js';
import { runStartupBench } from './startup.js';

try {
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'pages') await runPageBench();
  if (!only || only === 'ratio') await runRatioBench();
  if ((!only || only === 'startup') && process.env.BENCH_STARTUP !== '0') await runStartupBench();
  if (process.env.BENCH_MATRIX === '1') await runMatrixBench();
  if (process.env.BENCH_SEARCH === '1') await runSearchBench();
} catch (error) {
  console.error(error);
  process.exit(1);
}
