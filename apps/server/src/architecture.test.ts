import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of the house, checked on every run: platform code knows no business module,
 * and a module reaches another only through what that module publishes (its `module.ts` or a
 * `*-directory.ts` interface), never through its tables or internals.
 */
const sourceRoot = import.meta.dirname;
const modulesRoot = path.join(sourceRoot, 'modules');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((match) => match[1] ?? '');
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

const publishedFile = /(^module\.ts$)|(-directory\.ts$)/;

describe('architecture', () => {
  it('keeps platform code free of business modules and of the app', () => {
    const offenders = sourceFiles(path.join(sourceRoot, 'platform')).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !target.startsWith(path.join(sourceRoot, 'platform')))
        .map((target) => `${path.relative(sourceRoot, file)} -> ${path.relative(sourceRoot, target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets modules use each other only through what they publish', () => {
    const offenders: string[] = [];
    for (const moduleName of readdirSync(modulesRoot)) {
      const own = path.join(modulesRoot, moduleName);
      for (const file of sourceFiles(own)) {
        for (const target of relativeImports(file)) {
          if (!target.startsWith(modulesRoot) || target.startsWith(`${own}${path.sep}`)) continue;
          if (!publishedFile.test(path.basename(target))) {
            offenders.push(`${path.relative(sourceRoot, file)} -> ${path.relative(sourceRoot, target)}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps modules independent of the app composition', () => {
    const appFiles = ['app.ts', 'services.ts', 'main.ts', 'platform-runtime.ts'].map((name) =>
      path.join(sourceRoot, name),
    );
    const offenders = sourceFiles(modulesRoot).flatMap((file) =>
      relativeImports(file)
        .filter((target) => appFiles.includes(target) || target.startsWith(path.join(sourceRoot, 'seed')))
        .map((target) => `${path.relative(sourceRoot, file)} -> ${path.relative(sourceRoot, target)}`),
    );
    expect(offenders).toEqual([]);
  });
});
