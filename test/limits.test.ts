import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../gateway/limits.js';
import { startTestGraph, type TestGraph } from './support/graph.js';

let graph: TestGraph;
let token: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 20, production: true });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const asMinistry = { purpose: 'CIVIL_STATUS_ADMINISTRATION' };

/** A query of exactly `levels` nested selections: citizens › nodes › father › … › nin. */
const deep = (levels: number) => {
  let inner = 'nin';
  for (let i = 0; i < levels - 3; i++) inner = `father { ${inner} }`;
  return `{ citizens(first: 1) { nodes { ${inner} } } }`;
};

/** `n` aliases of a cheap field. */
const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: wilaya(code: "16") { code }`).join(' ')} }`;

/**
 * `n` directives spread over distinct fields and a fragment, as standard validation allows
 * (@include is not repeatable on one field).
 */
const directives = (n: number) => {
  const fields = ['code', 'nameAr', 'nameFr', 'nameBer', 'nameEn'];
  const onFields = fields.map((f) => `${f} @include(if: true)`);
  const onFragments = Array.from(
    { length: n - fields.length },
    (_, i) => `... on Wilaya @skip(if: false) { f${i}: code }`,
  );
  return `{ wilaya(code: "16") { ${[...onFields, ...onFragments].join(' ')} } }`;
};

/**
 * A document of exactly `n` tokens that validation handles cheaply: many small operations
 * of 13 tokens (`query Qi { wilaya ( code : "16" ) { code } }`), the remainder as extra
 * `code` fields in the first, and `Q0` chosen by operationName. (One selection set of 1,500
 * identical fields would trip graphql-js's own budget for overlapping fields instead.)
 */
const tokens = (n: number) => {
  const ops = Math.floor(n / 13);
  const extra = n - ops * 13;
  return Array.from(
    { length: ops },
    (_, i) => `query Q${i} { wilaya(code: "16") { code ${i === 0 ? 'code '.repeat(extra) : ''}} }`,
  ).join('\n');
};

/**
 * A list whose cost grows with `first`, given as a variable (it must count as a literal
 * would). One point per field, times the lists around it: `nodes` and its three fields
 * count `first` times per wilaya, `communes` and `wilaya` once, and `wilayas` is assumed 58
 * long (its @listSize), so the cost is 1 + 58 × (1 + 4 × first).
 */
const COSTLY = `query($first: Int!) { wilayas { communes(first: $first) { nodes { code nameFr nameAr } } } }`;
const costOf = (first: number) => 1 + 58 * (1 + 4 * first);
/** The smallest page size whose cost is over the limit. */
const overFirst = Array.from({ length: 100 }, (_, i) => i + 1).find(
  (f) => costOf(f) > QUERY_LIMITS.maxCost,
)!;

async function refused(query: string, variables: Record<string, unknown> = {}) {
  const before = graph.fetches.fetches;
  const res = /^query Q0 /.test(query)
    ? await postWithOperationName(query, 'Q0')
    : await graph.query(query, variables, { token, ...asMinistry });
  return { res, fetches: graph.fetches.fetches - before };
}

async function postWithOperationName(query: string, operationName: string) {
  const res = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-purpose': asMinistry.purpose,
    },
    body: JSON.stringify({ query, operationName }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('query-shape limits at the gateway: each limit refuses on its own', () => {
  const cases: {
    what: string;
    over: [string, Record<string, unknown>?];
    under: [string, Record<string, unknown>?];
    code: string;
    message: RegExp;
  }[] = [
    {
      what: 'depth',
      over: [deep(QUERY_LIMITS.maxDepth + 1)],
      under: [deep(QUERY_LIMITS.maxDepth)],
      code: 'QUERY_TOO_DEEP',
      message: new RegExp(
        `depth ${QUERY_LIMITS.maxDepth + 1} exceeds the limit of ${QUERY_LIMITS.maxDepth}`,
      ),
    },
    {
      what: 'aliases',
      over: [aliases(QUERY_LIMITS.maxAliases + 1)],
      under: [aliases(QUERY_LIMITS.maxAliases)],
      code: 'TOO_MANY_ALIASES',
      message: new RegExp(
        `${QUERY_LIMITS.maxAliases + 1} aliases, over the limit of ${QUERY_LIMITS.maxAliases} aliases`,
      ),
    },
    {
      what: 'directives',
      over: [directives(QUERY_LIMITS.maxDirectives + 1)],
      under: [directives(QUERY_LIMITS.maxDirectives)],
      code: 'TOO_MANY_DIRECTIVES',
      message: new RegExp(
        `${QUERY_LIMITS.maxDirectives + 1} directives, over the limit of ${QUERY_LIMITS.maxDirectives} directives`,
      ),
    },
    {
      what: 'tokens',
      over: [tokens(QUERY_LIMITS.maxTokens + 1)],
      under: [tokens(QUERY_LIMITS.maxTokens)],
      code: 'TOO_MANY_TOKENS',
      message: new RegExp(`limit of ${QUERY_LIMITS.maxTokens} tokens`),
    },
    {
      what: 'cost (first given as a variable)',
      over: [COSTLY, { first: overFirst }],
      under: [COSTLY, { first: overFirst - 1 }],
      code: 'QUERY_TOO_COSTLY',
      message: new RegExp(
        `query cost ${costOf(overFirst)} exceeds the limit of ${QUERY_LIMITS.maxCost}`,
      ),
    },
  ];

  it('the cost fixtures sit on either side of the limit', () => {
    expect(overFirst).toBeGreaterThan(1);
    expect(costOf(overFirst - 1)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });

  it.each(cases)(
    '$what: one over is refused with its own code, before any subgraph',
    async ({ over, code, message }) => {
      const { res, fetches } = await refused(over[0], over[1]);
      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.extensions?.code).toBe(code);
      expect(res.body.errors![0]!.message).toMatch(message);
      expect(res.body.errors![0]!.message).not.toMatch(/Syntax Error/);
      expect(fetches).toBe(0);
    },
  );

  it.each(cases)('$what: exactly at the limit is answered (control)', async ({ under }) => {
    const { res, fetches } = await refused(under[0], under[1]);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.data).toBeTruthy();
    expect(fetches).toBeGreaterThan(0);
  });

  it('a text over the token limit is refused every time it comes, one under it answered every time', async () => {
    // Texts found within the limit are remembered (assertTokenLimit): a refused one must
    // never be, nor may one remembered text let a longer one through.
    const over = tokens(QUERY_LIMITS.maxTokens + 1);
    const under = tokens(QUERY_LIMITS.maxTokens);
    for (const query of [under, over, under, over]) {
      const { res, fetches } = await refused(query);
      if (query === over) {
        expect(res.status).toBe(400);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
        expect(fetches).toBe(0);
      } else {
        expect(res.body.errors).toBeUndefined();
        expect(fetches).toBeGreaterThan(0);
      }
    }
  });

  it('a variable page size costs what the same literal costs', async () => {
    const literal = await refused(
      `{ wilayas { communes(first: ${overFirst}) { nodes { code nameFr nameAr } } } }`,
    );
    const variable = await refused(COSTLY, { first: overFirst });
    expect(literal.res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(literal.res.body.errors?.[0]?.message).toBe(variable.res.body.errors?.[0]?.message);
    expect(literal.res.body.errors?.[0]?.extensions?.found).toBe(costOf(overFirst));
  });

  it('the same document is costed again for each page size, in either order', async () => {
    // The cost is kept per document and per value of `first`: a cheap page first must not
    // let the costly one through after it, nor a refused one refuse the cheap page.
    for (const sizes of [
      [overFirst - 1, overFirst, overFirst - 1],
      [overFirst, overFirst - 1, overFirst],
    ]) {
      for (const first of sizes) {
        const { res, fetches } = await refused(COSTLY, { first });
        if (first === overFirst) {
          expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
          expect(res.body.errors?.[0]?.extensions?.found).toBe(costOf(overFirst));
          expect(fetches).toBe(0);
        } else {
          expect(res.body.errors).toBeUndefined();
          expect(fetches).toBeGreaterThan(0);
        }
      }
    }
  });

  it('a field under @include counts only when its variable includes it', async () => {
    const query = `query($wide: Boolean!) { wilayas { code communes(first: ${overFirst}) @include(if: $wide) { nodes { code nameFr nameAr } } } }`;
    for (const wide of [false, true, false]) {
      const { res } = await refused(query, { wide });
      if (wide) expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      else expect(res.body.errors).toBeUndefined();
    }
  });

  it('variables the cost does not read get their own errors still', async () => {
    const query = `query($first: Int!, $code: String!) { wilaya(code: $code) { communes(first: $first) { nodes { code } } } }`;
    const fine = await refused(query, { first: 2, code: '16' });
    expect(fine.res.body.errors).toBeUndefined();
    // The same page size, so the cost is known; the code is not a string.
    const wrong = await refused(query, { first: 2, code: 16 });
    expect(wrong.res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.res.body.errors?.[0]?.message).toMatch(/\$code/);
    expect(wrong.fetches).toBe(0);
  });

  it('an omitted first counts as its default page size (20)', async () => {
    const omitted = await refused(`{ wilayas { communes { nodes { code nameFr nameAr } } } }`);
    const explicit = await refused(
      `{ wilayas { communes(first: 20) { nodes { code nameFr nameAr } } } }`,
    );
    expect(omitted.res.body.errors).toBeUndefined();
    expect(explicit.res.body.errors).toBeUndefined();
    // 20 per wilaya, the default, not 1.
    expect(omitted.res.body.data.wilayas[0].communes.nodes).toHaveLength(20);
    // And the cost counts those 20: nine points per commune, 1 + 58 × (1 + 20 × 10) is over
    // the limit, where one commune per wilaya (1 + 58 × 11) would be far under it.
    const WIDE = `{ wilayas { communes__FIRST__ { nodes { code nameAr nameFr nameBer postalCode wilaya { code } daira { code } } } } }`;
    const wideOmitted = await refused(WIDE.replace('__FIRST__', ''));
    const wideExplicit = await refused(WIDE.replace('__FIRST__', '(first: 20)'));
    expect(1 + 58 * (1 + 20 * 10)).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(wideOmitted.res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(wideOmitted.res.body.errors?.[0]?.extensions?.found).toBe(1 + 58 * (1 + 20 * 10));
    expect(wideOmitted.res.body.errors?.[0]?.message).toBe(
      wideExplicit.res.body.errors?.[0]?.message,
    );
    expect(wideOmitted.fetches).toBe(0);
  });

  it('a plain list counts as its assumed size: children (20) under 100 citizens', async () => {
    // 100 citizens × 20 assumed children × 7 fields alone is 14,000; counted as one child
    // each, as a plain list used to be, it would be 1,000.
    const { res, fetches } = await refused(
      `query($n: Int!) { citizens(first: $n) { nodes { children { nin givenNameAr familyNameAr givenNameLat familyNameLat birthDate sex } } } }`,
      { n: 100 },
    );
    expect(res.body.errors?.[0]?.extensions?.found).toBe(1 + 100 * (1 + (1 + 20 * 7)));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(fetches).toBe(0);
  });

  it('lets a legitimate deep profile through (control)', async () => {
    const { res, fetches } = await refused(
      `{ citizens(first: 2) { nodes { nin father { nin birthCommune { nameFr wilaya { nameAr } } } mother { nin } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citizens.nodes).toHaveLength(2);
    expect(fetches).toBeGreaterThan(0);
  });
});
