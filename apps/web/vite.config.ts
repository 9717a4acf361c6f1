import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `.br` and `.gz` next to every built script and stylesheet, at the best (slow) quality,
 * once at build time: a static file server with pre-compressed files enabled sends them as they
 * are, so visitors download ~4x less without the server compressing on every request.
 */
function precompressAssets(): Plugin {
  let outDir = '';
  let serverBuild = false;
  return {
    name: 'souk-precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      serverBuild = Boolean(config.build.ssr);
    },
    async closeBundle() {
      if (serverBuild) return;
      const assets = path.join(outDir, 'assets');
      const names = await readdir(assets).catch(() => [] as string[]);
      await Promise.all(
        names
          .filter((name) => /\.(js|css|svg|json)$/.test(name))
          .map(async (name) => {
            const file = path.join(assets, name);
            const content = await readFile(file);
            const [br, gz] = await Promise.all([
              brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
              gzipAsync(content, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
          }),
      );
    },
  };
}

export default defineConfig({
  plugins: [reactRouter(), precompressAssets()],
  build: {
    rollupOptions: {
      output: {
        // Mantine splits into one tiny module per component and hook; left to the default, a
        // page asks for ~80 files of a few hundred bytes each, and on HTTP/1.1 (six connections)
        // over a slow phone network those round trips, not the bytes, delay the first paint. A
        // few named groups instead: each is shared by most pages and cached for a year. Schemas
        // (zod) stay out of them, so pages without a validated form never download zod.
        manualChunks(id) {
          if (id.includes('/node_modules/@mantine/')) return 'mantine';
          // One script per language (its words), loaded by lib/load-words.ts.
          const language = /\/app\/locales\/(?:[\w-]+\/)?(fr|en|ar)\.ts$/.exec(id)?.[1];
          if (language) return `words-${language}`;
          // Shared labels the words import: kept out of the language scripts, else one language
          // would carry them and every other would download it too.
          if (/\/node_modules\/(i18next|react-i18next)\//.test(id) || id.includes('/contracts/src/kyc-labels')) {
            return 'i18n';
          }
          if (id.includes('/node_modules/zod/')) return 'zod';
          return undefined;
        },
      },
    },
  },
  // Bundle the server build's dependencies into one file: importing Mantine, React and i18next
  // as hundreds of separate node_modules files cost ~2 s of every boot.
  ssr: { noExternal: true },
});
