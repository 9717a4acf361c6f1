// Writes a Brotli (.br) and a gzip (.gz) copy next to every fingerprinted text asset of the
// client build. The server sends those copies as they are (@fastify/static `preCompressed`), so
// assets get the strongest compression once at build time instead of some CPU on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assetsDir = path.resolve(import.meta.dirname, '../build/client/assets');
const compressible = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map']);
// Below this, the headers cost more than the saving.
const minimumBytes = 1024;

let written = 0;
for (const name of readdirSync(assetsDir)) {
  const file = path.join(assetsDir, name);
  if (!compressible.has(path.extname(name)) || !statSync(file).isFile()) continue;
  const content = readFileSync(file);
  if (content.length < minimumBytes) continue;
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  );
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  written++;
}
console.log(`Precompressed ${written} assets (br, gz).`);
