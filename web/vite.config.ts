import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress';

const hub = process.env.INTERKOM_HUB_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle-size test reads the manifest to sum what the first page loads.
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    // `npm run dev -w web` next to `npm start`: the API stays on the hub.
    proxy: Object.fromEntries(['/graphql', '/api', '/auth', '/calendar', '/health', '/documents'].map((p) => [p, hub])),
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
