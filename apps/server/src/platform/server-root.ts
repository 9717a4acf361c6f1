import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The server package's directory, found by walking up from this file: the same answer whether
 * the code runs from `src/` (tsx, tests) or from the bundled `dist/main.js`.
 */
export function serverRoot(from: string = import.meta.dirname): string {
  let directory = from;
  for (;;) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@souk/server') return directory;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`@souk/server package not found above ${from}`);
    directory = parent;
  }
}
