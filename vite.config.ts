import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: built into dist/public and served by the Muster server itself.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/public', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
