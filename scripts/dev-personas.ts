import { sql } from 'drizzle-orm';
import type { CryptoKey, KeyObject } from 'jose';
import type { Db } from '../db/client.js';
import type { DevIdentity, DevPersona } from '../gateway/dev-identity.js';
import { mintCallerToken, type CallerSpec } from './local-tokens.js';

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

const MINISTRIES = ['INTERIOR', 'HEALTH', 'JUSTICE'] as const;

/**
 * The people the development sign-in page offers, picked from the seeded data so each
 * screen has something to show: agents of the communes with the most open applications
 * (two per commune, to see a colleague's decision), applicants of those applications,
 * owners of a vehicle, and ministries for the dashboard.
 */
export async function devPersonas(db: Db): Promise<(DevPersona & { spec: CallerSpec })[]> {
  const communes = await rows<{ code: string; n: number }>(
    db,
    sql`select counter_commune_code as code, count(*)::int as n from documents.applications
        where status in ('SUBMITTED', 'UNDER_REVIEW')
        group by counter_commune_code order by n desc, code limit 2`,
  );
  const codes = communes.length
    ? sql.join(
        communes.map((c) => sql`${c.code}`),
        sql`, `,
      )
    : sql`''`;
  const people = await rows<{ nin: string; name: string; why: string }>(
    db,
    sql`(select c.nin, c.given_name_lat || ' ' || c.family_name_lat as name, 'application' as why
         from citizens.citizens c
         where c.nin in (select a.nin from documents.applications a
                         where a.status in ('SUBMITTED', 'UNDER_REVIEW')
                           and a.counter_commune_code in (${codes}))
         order by c.nin limit 6)
        union all
        (select c.nin, c.given_name_lat || ' ' || c.family_name_lat, 'vehicle'
         from citizens.citizens c
         where c.death_date is null and exists (select 1 from vehicles.vehicles v where v.owner_nin = c.nin)
         order by c.nin limit 2)`,
  );
  const personas: (DevPersona & { spec: CallerSpec })[] = [];
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.nin)) continue;
    seen.add(p.nin);
    personas.push({
      id: `citizen:${p.nin}`,
      group: 'citizen',
      label: `${p.name} · NIN ${p.nin} · ${p.why === 'application' ? 'open application' : 'owns a vehicle'}`,
      spec: { kind: 'citizen', nin: p.nin },
    });
  }
  for (const { code, n } of communes) {
    for (const seq of ['001', '002']) {
      const agentId = `agent-${code}-counter-${seq}`;
      personas.push({
        id: `agent:${agentId}`,
        group: 'agent',
        label: `Counter agent ${seq} · commune ${code} · ${n} open applications`,
        spec: { kind: 'agent', commune: code, agentId },
      });
    }
  }
  for (const ministry of MINISTRIES) {
    personas.push({
      id: `ministry:${ministry}`,
      group: 'ministry',
      label: `Ministry: ${ministry}`,
      spec: { kind: 'ministry', ministry },
    });
  }
  return personas;
}

/** The development sign-in of the local identity provider, over the seeded people. */
export async function devIdentity(
  db: Db,
  key: CryptoKey | KeyObject | Uint8Array,
  kid?: string,
): Promise<DevIdentity> {
  const personas = await devPersonas(db);
  const byId = new Map(personas.map((p) => [p.id, p]));
  return {
    personas: personas.map(({ id, group, label }) => ({ id, group, label })),
    async mint(id) {
      const persona = byId.get(id);
      return persona ? mintCallerToken(key, persona.spec, { kid }) : null;
    },
  };
}
