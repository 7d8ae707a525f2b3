import { parseArgs } from 'node:util';
import { isNin, ninProblem } from '../schema/nin.js';
import { AGENT_SERVICES, DEFAULT_AGENT_SERVICE, isAgentService } from '../schema/access-policy.js';
import { loadTerritory } from '../db/seed/communes.js';
import { CALLER_ALG, ensureLocalKeys, readPrivateJwk } from './local-keys.js';
import { mintCallerToken, type CallerSpec } from './local-tokens.js';

/** Prints a caller JWT from the local identity provider, and nothing else on stdout. */
const usage = `usage: npm run -s token -- (--ministry NAME | --agent COMMUNE_CODE [--service S] | --citizen NIN) [--ttl SECONDS]
  --ministry INTERIOR       a ministry's front-end (INTERIOR, JUSTICE, HEALTH, EDUCATION, …)
  --agent 1601              an agent at the counter of commune 1601 (Alger Centre)
  --service PATRIMONY       with --agent: the commune service (${Object.keys(AGENT_SERVICES).join(', ')}; default COUNTER)
  --citizen <18-digit NIN>  a citizen, for their own record`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    ministry: { type: 'string' },
    agent: { type: 'string' },
    service: { type: 'string' },
    citizen: { type: 'string' },
    ttl: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const given = [values.ministry, values.agent, values.citizen].filter((v) => v !== undefined);
if (given.length !== 1) fail('give exactly one of --ministry, --agent, --citizen');
if (values.service !== undefined && values.agent === undefined) fail('--service goes with --agent');

let spec: CallerSpec;
if (values.ministry !== undefined) {
  const ministry = values.ministry.toUpperCase();
  if (!/^[A-Z][A-Z_]{1,39}$/.test(ministry)) fail(`not a ministry name: ${values.ministry}`);
  spec = { kind: 'ministry', ministry };
} else if (values.agent !== undefined) {
  const code = values.agent;
  if (!loadTerritory().communes.some((c) => c.code === code))
    fail(`unknown commune code: ${code} (4 digits, e.g. 1601)`);
  const service = (values.service ?? DEFAULT_AGENT_SERVICE).toUpperCase();
  if (!isAgentService(service))
    fail(`unknown service: ${values.service} (${Object.keys(AGENT_SERVICES).join(', ')})`);
  spec = { kind: 'agent', commune: code, service };
} else {
  const nin = values.citizen!;
  if (!isNin(nin)) fail(`not a NIN: ${ninProblem(nin)}`);
  spec = { kind: 'citizen', nin };
}
const ttl = values.ttl ? Number(values.ttl) : 8 * 3600;
if (!Number.isInteger(ttl) || ttl < 1 || ttl > 7 * 86400) fail('--ttl must be 1 to 604800 seconds');

const files = await ensureLocalKeys();
const { key, kid } = await readPrivateJwk(files.callerPrivate, CALLER_ALG);
process.stdout.write(`${await mintCallerToken(key, spec!, { kid, ttlSeconds: ttl })}\n`);
