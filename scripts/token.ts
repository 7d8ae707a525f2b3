import { parseArgs } from 'node:util';
import { isNin, ninProblem } from '../schema/nin.js';
import { AGENT_SERVICES, DEFAULT_AGENT_SERVICE, isAgentService } from '../schema/access-policy.js';
import { loadTerritory } from '../db/seed/communes.js';
import { CALLER_ALG, ensureLocalKeys, readPrivateJwk } from './local-keys.js';
import { mintCallerToken, type CallerSpec } from './local-tokens.js';

/** Prints a caller JWT from the local identity provider, and nothing else on stdout. */
const usage = `usage: npm run -s token -- (--ministry NAME | --agent COMMUNE_CODE [--service S] | --citizen NIN |
                            --integrator CLIENT (--schools CODE,CODE… | --wilaya CODE)) [--ttl SECONDS]
  --ministry INTERIOR       a ministry's front-end (INTERIOR, JUSTICE, HEALTH, EDUCATION, …)
  --agent 1601              an agent at the counter of commune 1601 (Alger Centre)
  --service PATRIMONY       with --agent: the commune service (${Object.keys(AGENT_SERVICES).join(', ')}; default COUNTER)
  --citizen <18-digit NIN>  a citizen, for their own record
  --integrator acme-school --schools 160101,160102
                            an e-education integrator client for these schools (6 digits each)
  --integrator dir-16 --wilaya 16
                            an integrator for every school of a wilaya (its education directorate)`;

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
    integrator: { type: 'string' },
    schools: { type: 'string' },
    wilaya: { type: 'string' },
    ttl: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const given = [values.ministry, values.agent, values.citizen, values.integrator].filter(
  (v) => v !== undefined,
);
if (given.length !== 1) fail('give exactly one of --ministry, --agent, --citizen, --integrator');
if (values.integrator === undefined && (values.schools ?? values.wilaya) !== undefined)
  fail('--schools and --wilaya go with --integrator');
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
} else if (values.integrator !== undefined) {
  const client = values.integrator;
  if (!/^[a-z0-9][a-z0-9_-]{2,63}$/.test(client))
    fail(`not a client name: ${client} (3 to 64 lower-case letters, digits, "-" or "_")`);
  if ((values.schools === undefined) === (values.wilaya === undefined))
    fail('an integrator needs exactly one of --schools and --wilaya');
  if (values.schools !== undefined) {
    const schools = values.schools.split(',').map((s) => s.trim());
    if (schools.length === 0 || schools.length > 200 || !schools.every((s) => /^\d{6}$/.test(s)))
      fail('--schools takes 1 to 200 school codes of 6 digits, separated by commas');
    spec = { kind: 'integrator', client, schools };
  } else {
    const wilaya = values.wilaya!.padStart(2, '0');
    if (!loadTerritory().wilayas.some((w) => w.code === wilaya))
      fail(`unknown wilaya code: ${values.wilaya} (2 digits, e.g. 16)`);
    spec = { kind: 'integrator', client, wilaya };
  }
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
