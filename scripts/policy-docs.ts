import { writeFileSync } from 'node:fs';
import { renderPolicy } from '../schema/policy-docs.js';
import { fieldGroupIndex } from '../subgraphs/field-groups.js';

/** Writes docs/access-policy.md from the policy and the subgraphs' field groups. */
const path = new URL('../docs/access-policy.md', import.meta.url);
writeFileSync(path, renderPolicy(fieldGroupIndex()));
process.stdout.write('wrote docs/access-policy.md\n');
