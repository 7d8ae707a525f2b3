import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { BarChart } from '../chart';
import { WilayaFigures } from '../wilaya-figures';
import { errorOf } from '../errors';
import { DashboardFiguresDocument, type DocumentType } from '../gql/graphql';
import { useI18n } from '../i18n';
import { ErrorNote, Field, Section, TableWrap } from '../ui';

const TYPES: DocumentType[] = ['NATIONAL_ID_CARD', 'PASSPORT', 'DRIVING_LICENCE'];
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The ministry's dashboard: figures over a period, each chart with its table. */
export function Dashboard() {
  const { t, w, number, lang } = useI18n();
  const [from, setFrom] = useState(day(-365 * 3));
  const [to, setTo] = useState(day(1));
  const { data, error, loading } = useQuery(DashboardFiguresDocument, {
    variables: { from, to },
  });
  const wilayaName = new Map(
    (data?.wilayas ?? []).map((wl) => [wl.code, lang === 'ar' ? wl.nameAr : wl.nameFr]),
  );
  const byWilaya = new Map<string, Record<string, number>>();
  for (const row of data?.documentStatistics ?? []) {
    const entry = byWilaya.get(row.wilayaCode) ?? {};
    entry[row.type] = (entry[row.type] ?? 0) + row.count;
    byWilaya.set(row.wilayaCode, entry);
  }
  const wilayaRows = [...byWilaya.entries()]
    .map(([code, counts]) => ({
      code,
      counts,
      total: TYPES.reduce((s, type) => s + (counts[type] ?? 0), 0),
    }))
    .sort((a, b) => b.total - a.total);
  const typeTotals = TYPES.map((type) => ({
    label: w(type),
    value: wilayaRows.reduce((s, r) => s + (r.counts[type] ?? 0), 0),
  }));
  const byBirthWilaya = [...(data?.consultationsByWilaya ?? [])].sort(
    (a, b) => b.consultations - a.consultations,
  );
  const consultations = [...(data?.consultationStatistics ?? [])].sort(
    (a, b) => b.consultations - a.consultations,
  );
  return (
    <>
      <form className="form inline" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('from')} name="from" type="date" value={from} onChange={setFrom} />
        <Field label={t('to')} name="to" type="date" value={to} onChange={setTo} />
      </form>
      {loading && !data ? <p>{t('loading')}</p> : null}
      <ErrorNote error={errorOf(error)} />
      <Section title={t('docsByType')} id="documents">
        <WilayaFigures
          id="documents"
          title={t('docsByWilaya')}
          unit={t('unitDocuments')}
          names={wilayaName}
          columns={[...TYPES.map((type) => w(type)), t('total')]}
          rows={wilayaRows.map((r) => ({
            code: r.code,
            value: r.total,
            cells: [...TYPES.map((type) => r.counts[type] ?? 0), r.total],
          }))}
        >
          <BarChart title={t('docsByType')} bars={typeTotals} />
          <BarChart
            title={t('wilaya')}
            bars={wilayaRows.slice(0, 12).map((r) => ({
              label: wilayaName.get(r.code) ?? r.code,
              value: r.total,
            }))}
          />
        </WilayaFigures>
      </Section>
      <Section title={t('consultationsByMinistry')} id="consultations-by-ministry">
        <div className="split">
          <BarChart
            title={t('consultationsByMinistry')}
            bars={consultations.map((c) => ({
              label: c.ministry ? w(c.ministry) : w(c.principalKind),
              value: c.consultations,
            }))}
          />
          <TableWrap label={t('consultationsByMinistry')}>
            <table data-testid="consultations-table">
              <caption>{t('consultationsByMinistry')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ministry')}</th>
                  <th scope="col">{t('count')}</th>
                  <th scope="col">{t('distinctCitizens')}</th>
                  <th scope="col">{t('refusedCount')}</th>
                </tr>
              </thead>
              <tbody>
                {consultations.map((c) => (
                  <tr key={`${c.principalKind}-${c.ministry ?? ''}`}>
                    <th scope="row">{c.ministry ? w(c.ministry) : w(c.principalKind)}</th>
                    <td>{number(c.consultations)}</td>
                    <td>{number(c.distinctCitizens)}</td>
                    <td>{number(c.refused)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      </Section>
      <Section title={t('consultationsByWilaya')} id="consultations-by-wilaya">
        <WilayaFigures
          id="consultations-wilaya"
          title={t('consultationsByWilaya')}
          unit={t('unitConsultations')}
          names={wilayaName}
          columns={[t('count'), t('distinctCitizens')]}
          rows={byBirthWilaya.map((r) => ({
            code: r.wilayaCode,
            value: r.consultations,
            cells: [r.consultations, r.distinctCitizens],
          }))}
        />
      </Section>
    </>
  );
}
