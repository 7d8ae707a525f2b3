import {
  AGENT_SERVICES,
  GUARDIAN_GROUPS,
  INTEGRATORS,
  CITIZEN_OWN_GROUPS,
  FIELD_GROUPS,
  MINISTRIES,
  PURPOSES,
  QUOTA_WINDOW_SECONDS,
  type FieldGroup,
  type PrincipalPolicy,
  type Purpose,
} from './access-policy.js';

/** Field → group maps of the subgraphs, keyed "Type.field". */
export type FieldGroupIndex = Record<string, FieldGroup>;

function purposesFor(policy: PrincipalPolicy, group: FieldGroup): Purpose[] {
  return policy.purposes.filter((p) =>
    (PURPOSES[p].groups as readonly FieldGroup[]).includes(group),
  );
}

/** The access policy as Markdown, for ministries to read what they may see. Generated: do not edit. */
export function renderPolicy(fields: FieldGroupIndex): string {
  const groups = Object.keys(FIELD_GROUPS) as FieldGroup[];
  const lines: string[] = [];
  lines.push('# Access policy for NIN-linked data', '');
  lines.push(
    'Generated from `schema/access-policy.ts` by `npm run policy:docs`; do not edit by hand.',
    '',
  );
  lines.push(
    'A ministry states the purpose of each request in the `X-Purpose` header. It may read a field',
    "group of a citizen's record when the purpose is one of its own and the purpose covers the group.",
    "Commune agents act for one service of their commune (the token's `service`, default COUNTER), state",
    "that service's purposes only, and reach records of their own commune (a person born there, a file",
    'made there) or a person, vehicle or file they name by its key; e-education integrators',
    'state SCHOOL_ENROLMENT and reach the pupils of the schools their token names; citizens read their own',
    "record without a purpose, and their children's schooling; anonymous callers read reference data",
    '(wilayas, daïras, communes, the school directory) only.',
    'Every read of NIN-linked data is recorded (who, which NIN, which groups, purpose, when, request id).',
    '',
  );

  lines.push('## Who may read which group', '');
  lines.push(`| principal | ${groups.join(' | ')} |`, `|---|${groups.map(() => '---').join('|')}|`);
  const principalRows: [string, PrincipalPolicy][] = [
    ...Object.entries(MINISTRIES).map(([name, p]) => [name, p] as [string, PrincipalPolicy]),
    ...Object.entries(AGENT_SERVICES).map(
      ([name, p]) => [`agent · ${name}`, p] as [string, PrincipalPolicy],
    ),
    ['integrator (its schools only)', INTEGRATORS],
  ];
  for (const [name, policy] of principalRows) {
    const cells = groups.map((g) => {
      const via = purposesFor(policy, g);
      return via.length ? `✓ ${via.join(', ')}` : '—';
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push(
    `| citizen (own record only) | ${groups.map((g) => (CITIZEN_OWN_GROUPS.includes(g) ? '✓' : '—')).join(' | ')} |`,
    `| parent (their child's record, from the child's enrolments) | ${groups.map((g) => (GUARDIAN_GROUPS.includes(g) ? '✓' : '—')).join(' | ')} |`,
  );
  lines.push(`| anonymous | ${groups.map(() => '—').join(' | ')} |`, '');

  lines.push('## Purposes', '');
  lines.push(
    '| purpose (X-Purpose) | legal basis | groups it covers | who may state it |',
    '|---|---|---|---|',
  );
  for (const [purpose, def] of Object.entries(PURPOSES) as [
    Purpose,
    (typeof PURPOSES)[Purpose],
  ][]) {
    const who = [
      ...Object.entries(MINISTRIES)
        .filter(([, p]) => (p.purposes as readonly Purpose[]).includes(purpose))
        .map(([n]) => n),
      ...Object.entries(AGENT_SERVICES)
        .filter(([, p]) => (p.purposes as readonly Purpose[]).includes(purpose))
        .map(([n]) => `agent · ${n}`),
      ...(INTEGRATORS.purposes.includes(purpose) ? ['integrators'] : []),
    ];
    lines.push(
      `| \`${purpose}\` | ${def.description} | ${def.groups.join(', ')} | ${who.join(', ')} |`,
    );
  }
  lines.push('');

  lines.push('## Field groups', '');
  lines.push('| group | what it holds | fields |', '|---|---|---|');
  for (const g of groups) {
    const list = Object.entries(fields)
      .filter(([, group]) => group === g)
      .map(([f]) => `\`${f}\``);
    lines.push(
      `| ${g} | ${FIELD_GROUPS[g]} | ${list.join(', ') || '(added by a later subgraph)'} |`,
    );
  }
  lines.push('');

  lines.push('## Quotas', '');
  lines.push(
    `Distinct NINs one client may resolve per ${QUOTA_WINDOW_SECONDS / 60} minutes; beyond it the request is refused`,
    'with `QUOTA_EXCEEDED`, and the refusal is recorded.',
    '',
    '| principal | distinct NINs per window |',
    '|---|---|',
  );
  for (const [name, policy] of principalRows)
    lines.push(`| ${name} | ${policy.distinctNinsPerWindow} |`);
  lines.push('');
  return lines.join('\n');
}
