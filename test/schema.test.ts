import { readFileSync } from 'node:fs';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../schema/compose.js';
import { buildFederatedSchema } from '../subgraphs/kit/build-schema.js';
import { subgraphs } from '../subgraphs/registry.js';

const committed = (name: string) =>
  readFileSync(new URL(`../schema/${name}.graphql`, import.meta.url), 'utf8');
const KIT_ALLOWED = new Set(['Query._service', 'Query._entities', '_Service.sdl']);

describe('the schema contract in schema/', () => {
  it('matches the code: run `npm run compose` after changing a type', async () => {
    const { subgraphSdls, supergraphSdl } = await composeSupergraph();
    for (const [name, sdl] of Object.entries(subgraphSdls)) {
      expect(committed(name).trim(), `schema/${name}.graphql is stale`).toBe(sdl.trim());
    }
    expect(committed('supergraph').trim(), 'schema/supergraph.graphql is stale').toBe(
      supergraphSdl.trim(),
    );
  });
});

describe('deny by default', () => {
  it.each(subgraphs.map((s) => [s.name, s] as const))(
    'every field of %s has an explicit rule',
    async (_name, def) => {
      const parts = def.schemaParts();
      const { schema } = await buildFederatedSchema(parts);
      const rules = parts.permissions as Record<string, unknown>;
      const missing: string[] = [];
      let fields = 0;
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        const typeRule = rules[type.name];
        for (const field of Object.keys(type.getFields())) {
          fields += 1;
          const id = `${type.name}.${field}`;
          if (KIT_ALLOWED.has(id)) continue;
          const covered =
            typeRule !== undefined &&
            (typeof typeRule !== 'object' ||
              typeRule === null ||
              'resolve' in (typeRule as object) ||
              field in (typeRule as object));
          if (!covered) missing.push(id);
        }
      }
      expect(fields).toBeGreaterThan(10);
      expect(missing, `fields without a rule: ${missing.join(', ')}`).toEqual([]);
    },
  );
});

describe('the access policy docs', () => {
  it('docs/access-policy.md matches schema/access-policy.ts: run `npm run policy:docs`', async () => {
    const { renderPolicy } = await import('../schema/policy-docs.js');
    const { fieldGroupIndex } = await import('../subgraphs/field-groups.js');
    const file = readFileSync(new URL('../docs/access-policy.md', import.meta.url), 'utf8');
    expect(file).toBe(renderPolicy(fieldGroupIndex()));
  });
});
