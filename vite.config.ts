import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// The extension build (dist/). The native host is compiled separately by tsc (tsconfig.host.json).
export default defineConfig({
  plugins: [crx({ manifest: manifest as ManifestV3Export })],
  build: {
    target: 'esnext',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Pages the manifest does not name (gui actions open them).
    rollupOptions: { input: { import: 'extension/pages/import/index.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
