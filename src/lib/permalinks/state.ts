/**
 * Where a build keeps the permalink registry it resolved, between the content
 * loader (which resolves it), the routes (which draw redirects and removed
 * pages from it) and the build-done hook (which commits it to the registry file).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shortHash } from '../ingest/slug.ts';
import { emptyRegistry, parseRegistry, serialiseRegistry, type Registry } from './registry.ts';

/** The resolved registry of the current build of the list whose registry lives at `registryFile`. */
export function pendingRegistryPath(cacheDir: string, registryFile: string): string {
  return path.join(
    cacheDir,
    'permalinks',
    `pending-${shortHash(path.resolve(registryFile), 10)}.json`,
  );
}

export function readRegistryFile(file: string): Registry {
  if (!existsSync(file)) return emptyRegistry();
  return parseRegistry(readFileSync(file, 'utf8'), file);
}

export function writeRegistryFile(file: string, registry: Registry): boolean {
  const text = serialiseRegistry(registry);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  // Atomic replace: a crash never leaves half a registry.
  renameSync(temp, file);
  return true;
}
