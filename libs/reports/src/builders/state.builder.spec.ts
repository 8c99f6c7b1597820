import { ReportInputError } from '../model/report-kind.types';
import { distributionById, figureValue, sectionById, sectionTexts, statusCount, tableById } from '../testing/document-query';
import { CYCLE, handMadeDataset, UNVALIDATED_CHALLENGE } from '../testing/hand-made.fixture';
import { buildStateReport } from './state.builder';

describe('buildStateReport', () => {
  const data = handMadeDataset();
  const build = (organisationId: string) => buildStateReport({ ...data, scope: { organisationId, cycleCode: CYCLE.code } });
  const s3 = data.organisations[3];

  it('lists the organisation pledges with status, late and missing flags', () => {
    const doc = build(data.organisations[2].id);
    expect(doc.title).toBe(`${data.organisations[2].name}: progress report for 2026-H1`);
    const rows = tableById(doc, 'pledges').rows;
    expect(rows).toEqual([expect.objectContaining({ reference: 'GCM-P-2025-00002', status: 'Delayed', percentComplete: 20, late: true, missing: false })]);
    expect(figureValue(doc, 'late')).toBe(1);
    expect(sectionTexts(doc, 'pledge-GCM-P-2025-00002')).toContain('Submitted after the deadline of 2026-08-14.');
  });

  it('counts two pledges of one State; the update awaiting validation counts as reported, its status and text do not', () => {
    const doc = build(s3.id);
    expect(figureValue(doc, 'pledgesOwing')).toBe(2);
    expect(figureValue(doc, 'updates')).toBe(2);
    const dist = distributionById(doc, 'status-distribution');
    expect([statusCount(dist, 'on_track'), statusCount(dist, 'achieved'), statusCount(dist, 'no_update')]).toEqual([1, 0, 1]);
    const row = tableById(doc, 'pledges').rows.find((r) => r.reference === 'GCM-P-2025-00003')!;
    expect(row).toMatchObject({ status: null, percentComplete: null, review: 'awaiting validation', missing: false });
    expect(sectionTexts(doc, 'pledge-GCM-P-2025-00003')).toContain(
      'An update was submitted for 2026-H1 and awaits validation by the secretariat; its content is published once validated.');
    expect(JSON.stringify(doc)).not.toContain(UNVALIDATED_CHALLENGE);
  });

  it('flags a missing update and never shows the text of a draft or a returned update', () => {
    const doc = build(data.organisations[7].id);
    const rows = tableById(doc, 'pledges').rows;
    const returned = rows.find((r) => r.reference === 'GCM-P-2025-00007')!;
    expect(returned).toMatchObject({ missing: true, status: null, review: 'returned for revision' });
    expect(figureValue(doc, 'missing')).toBe(1);
    expect(sectionTexts(doc, 'pledge-GCM-P-2025-00007')).toEqual(expect.arrayContaining(['No update was submitted for 2026-H1.']));
    const draftDoc = build(data.organisations[6].id);
    expect(JSON.stringify(draftDoc)).not.toContain('Actions taken on GCM-P-2025-00006');
  });

  it('shows indicator progress against the target, overshoot flagged', () => {
    const doc = build(data.organisations[5].id);
    expect(tableById(doc, 'indicators').rows).toEqual([expect.objectContaining({
      baseline: 200, target: 50, value: 20, progress: 1, flag: 'target exceeded',
    })]);
    const s0 = build(data.organisations[0].id);
    expect(tableById(s0, 'indicators').rows[0]).toMatchObject({ progress: 0.4, flag: null, asOf: '2026-06-01' });
  });

  it('shows the previous cycle beside the current one', () => {
    const doc = build(data.organisations[8].id);
    const row = tableById(doc, 'pledges').rows.find((r) => r.reference === 'GCM-P-2025-00008')!;
    expect(row).toMatchObject({ previousStatus: 'On track', missing: true });
  });

  it('lists pledges withdrawn before the cycle began apart, with the reason', () => {
    const doc = build(data.organisations[36].id);
    expect(sectionTexts(doc, 'withdrawn')).toEqual([expect.stringContaining('withdrawn on 2025-12-15 (Merged into a regional pledge)')]);
    expect(tableById(doc, 'pledges').rows.map((r) => r.reference)).not.toContain('GCM-P-2025-00136');
    expect(sectionById(doc, 'method').title).toBe('Notes on method');
  });

  it('says "included after extension" for an update submitted after the cycle deadline under an extension, and explains it in the method note', () => {
    const extended = handMadeDataset();
    const u = extended.updates.find((x) => x.pledgeId === extended.pledges.find((p) => p.reference === 'GCM-P-2025-00002')!.id && x.cycleCode === CYCLE.code)!;
    Object.assign(u, { late: false, afterExtension: true });
    const doc = buildStateReport({ ...extended, scope: { organisationId: extended.organisations[2].id, cycleCode: CYCLE.code } });
    expect(sectionTexts(doc, 'pledge-GCM-P-2025-00002')).toContain(
      'Included after extension: submitted after the cycle deadline of 2026-08-14, by the later deadline the secretariat granted.');
    expect(figureValue(doc, 'late')).toBe(0);
    const late = sectionById(doc, 'summary').blocks.flatMap((b) => (b.type === 'key_figures' ? b.items : [])).find((f) => f.key === 'late');
    expect(late?.detail).toBe('1 more included after extension');
    expect(sectionTexts(doc, 'method').join(' ')).toContain('"included after extension", counted and not late');
    expect(tableById(build(extended.organisations[2].id), 'pledges').rows[0]).toMatchObject({ late: true });
  });

  it('lists the scope countries and regions of each pledge, named in the report language (CLDR)', () => {
    const scoped = handMadeDataset();
    Object.assign(scoped.pledges.find((p) => p.reference === 'GCM-P-2025-00002')!, { countries: ['ITA', 'DEU', 'MAR'], regions: ['039', '001'] });
    const at = (language?: 'fr' | 'ar') => sectionTexts(buildStateReport({ ...scoped, language, scope: { organisationId: scoped.organisations[2].id, cycleCode: CYCLE.code } }),
      'pledge-GCM-P-2025-00002').map((t) => t.replace(/[\u2068\u2069]/g, ''));
    expect(at()).toEqual(expect.arrayContaining(['Countries in scope: Germany, Italy, Morocco', 'Regions in scope: Southern Europe, World']));
    expect(at('fr')).toEqual(expect.arrayContaining(['Pays concernés : Allemagne, Italie, Maroc', 'Régions concernées : Europe du Sud, Monde']));
    expect(at('ar')).toEqual(expect.arrayContaining([expect.stringMatching(/^البلدان المشمولة: .*إيطاليا/)]));
    // A pledge with no geographical scope prints no empty line.
    expect(sectionTexts(build(data.organisations[1].id), 'pledge-GCM-P-2025-00001').some((t) => t.includes('in scope'))).toBe(false);
  });

  it('refuses an organisation the data does not hold', () => {
    expect(() => build('nope')).toThrow(ReportInputError);
  });
});
