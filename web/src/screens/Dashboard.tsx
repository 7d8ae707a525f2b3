import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { BarChart } from '../chart';
import { WilayaMap } from '../wilaya-map';
import { errorOf } from '../errors';
import { DashboardFiguresDocument, type DocumentType } from '../gql/graphql';
import { useI18n } from '../i18n';
import { ErrorNote, Field, Section } from '../ui';

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
  const documentsByWilaya = new Map(wilayaRows.map((r) => [r.code, r.total]));
  const byBirthWilaya = [...(data?.consultationsByWilaya ?? [])].sort(
    (a, b) => b.consultations - a.consultations,
  );
  const consultationsByWilaya = new Map(byBirthWilaya.map((r) => [r.wilayaCode, r.consultations]));
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
        <div className="split">
          <div>
            <WilayaMap
              id="documents-map"
              title={t('docsByWilaya')}
              unit={t('unitDocuments')}
              values={documentsByWilaya}
              names={wilayaName}
            />
            <BarChart title={t('docsByType')} bars={typeTotals} />
            <BarChart
              title={t('wilaya')}
              bars={wilayaRows.slice(0, 12).map((r) => ({
                label: wilayaName.get(r.code) ?? r.code,
                value: r.total,
              }))}
            />
          </div>
          <div className="table-wrap">
            <table data-testid="documents-table">
              <caption>{t('docsByType')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wilaya')}</th>
                  {TYPES.map((type) => (
                    <th scope="col" key={type}>
                      {w(type)}
                    </th>
                  ))}
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {wilayaRows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <span dir="ltr">{r.code}</span> {wilayaName.get(r.code)}
                    </th>
                    {TYPES.map((type) => (
                      <td key={type}>{number(r.counts[type] ?? 0)}</td>
                    ))}
                    <td>{number(r.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
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
          <div className="table-wrap">
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
          </div>
        </div>
      </Section>
      <Section title={t('consultationsByWilaya')} id="consultations-by-wilaya">
        <div className="split">
          <WilayaMap
            id="consultations-map"
            title={t('consultationsByWilaya')}
            unit={t('unitConsultations')}
            values={consultationsByWilaya}
            names={wilayaName}
          />
          <div className="table-wrap">
            <table data-testid="consultations-wilaya-table">
              <caption>{t('consultationsByWilaya')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wilaya')}</th>
                  <th scope="col">{t('count')}</th>
                  <th scope="col">{t('distinctCitizens')}</th>
                </tr>
              </thead>
              <tbody>
                {byBirthWilaya.map((r) => (
                  <tr key={r.wilayaCode}>
                    <th scope="row">
                      <span dir="ltr">{r.wilayaCode}</span> {wilayaName.get(r.wilayaCode)}
                    </th>
                    <td>{number(r.consultations)}</td>
                    <td>{number(r.distinctCitizens)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </Section>
    </>
  );
}
