import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// postgres.js 3.4.9 throws an uncatchable TypeError when a write it deferred runs after
// its socket closed (porsager/postgres#1154, #1208): a database outage would kill the
// process. patches/ fixes it and `npm install` applies it (postinstall: patch-package);
// this fails when an install skipped the patch. The outage itself: faults-postgres-down.
describe('patched dependencies', () => {
  it('postgres.js guards the deferred write against a closed socket (ESM and CJS builds)', () => {
    const root = join(import.meta.dirname, '..', 'node_modules', 'postgres');
    for (const build of ['src/connection.js', 'cjs/src/connection.js']) {
      const source = readFileSync(join(root, build), 'utf8');
      expect(source, build).toMatch(/function nextWrite\(fn\) \{[^}]*if \(socket === null\)/);
    }
  });
});
