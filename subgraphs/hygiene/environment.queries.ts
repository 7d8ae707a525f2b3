import { and, desc, eq, inArray, like, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { nextSerial } from '../../db/serials.js';
import { campaigns, samplingPoints, serials, waterSamples } from '../../db/tables/hygiene.js';
import { keyParts, type Page } from '../kit/pagination.js';
import type { CampaignRecord, SamplingPointRecord, WaterSampleRecord } from './environment.type.js';

export async function samplingPointsByIds(db: Db, ids: readonly string[]) {
  return (await db
    .select()
    .from(samplingPoints)
    .where(inArray(samplingPoints.id, [...ids]))) as SamplingPointRecord[];
}

/**
 * Samples of a commune (4 digits) or of a whole wilaya (2 digits), newest first; only the
 * non-compliant ones when asked.
 */
export async function samplesOf(db: Db, area: string, nonCompliantOnly: boolean, page: Page) {
  const after = keyParts(page, 2);
  return (await db
    .select()
    .from(waterSamples)
    .where(
      and(
        area.length === 2
          ? like(waterSamples.communeCode, `${area}%`)
          : eq(waterSamples.communeCode, area),
        nonCompliantOnly ? eq(waterSamples.compliant, false) : undefined,
        after
          ? or(
              lt(waterSamples.takenOn, after[0]!),
              and(eq(waterSamples.takenOn, after[0]!), lt(waterSamples.id, Number(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(waterSamples.takenOn), desc(waterSamples.id))
    .limit(page.limit)) as WaterSampleRecord[];
}

export async function recordSample(db: Db, row: Omit<WaterSampleRecord, 'id'>) {
  const [saved] = await db.insert(waterSamples).values(row).returning();
  return saved as WaterSampleRecord;
}

export async function campaignsOf(db: Db, communeCode: string, page: Page) {
  const after = keyParts(page, 2);
  return (await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.communeCode, communeCode),
        after
          ? or(
              lt(campaigns.startDate, after[0]!),
              and(eq(campaigns.startDate, after[0]!), lt(campaigns.id, after[1]!)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(campaigns.startDate), desc(campaigns.id))
    .limit(page.limit)) as CampaignRecord[];
}

export async function recordCampaign(db: Db, row: Omit<CampaignRecord, 'id'>) {
  return db.transaction(async (tx) => {
    const key = `CMP-${row.communeCode}-${row.startDate.slice(0, 4)}`;
    const id = `${key}-${String(await nextSerial(tx, serials, key)).padStart(4, '0')}`;
    const [saved] = await tx
      .insert(campaigns)
      .values({ ...row, id })
      .returning();
    return saved as CampaignRecord;
  });
}
