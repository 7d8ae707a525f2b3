import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import config from '../web/codegen.js';

/** web/src/gql/ is source the app compiles against: it must match its operations and the schema. */
describe('the web app’s generated operation types', () => {
  it('are fresh: run `npm run web:codegen` after changing an operation or the schema', async () => {
    const files = (await generate({ ...config, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const expected = await format(file.content, {
        ...(await resolveConfig(file.filename)),
        filepath: file.filename,
      });
      expect(readFileSync(file.filename, 'utf8'), `${file.filename} is stale`).toBe(expected);
    }
  }, 120_000);
});
