import type { CatalogueSnapshot } from '@gcm/framework';
import { deriveThemes, mergePatch, normaliseContent, PledgeContentInput, submissionErrors } from './pledge-normaliser';

const theme = (number: number, primary: boolean) => ({ number, code: `T${number}`, title: `Theme ${number}`, primary });
const catalogue = {
  objectives: [
    { number: 5, title: 'Pathways', shortLabel: 'Pathways', roundTable: 'RT1', themes: [theme(3, true)], recommendations: [] },
    { number: 8, title: 'Save lives', shortLabel: 'Lives', roundTable: 'RT2', themes: [theme(1, true), theme(2, false)], recommendations: [] },
  ],
  principles: [{ key: 'a', name: 'People-centred', gist: '' }, { key: 'c', name: 'Rule of law', gist: '' }],
  themes: [1, 2, 3].map((n) => ({ number: n, code: `T${n}`, title: '', objectives: [], commitments: [{ code: `T${n}.C1`, position: 1, text: '', subItems: [] }] })),
  recommendations: [{ paragraph: 101, shortTitle: '', text: '', source: '', objectives: [5], considerations: [] }],
  roundTables: [],
  countries: [
    { alpha3: 'FRA', alpha2: 'FR', m49: '250', name: 'France', region: 'Europe', regionM49: '150', subregion: 'Western Europe', subregionM49: '155', intermediateRegion: null, intermediateRegionM49: null, unStatus: 'member' },
  ],
} as unknown as CatalogueSnapshot;

const valid: PledgeContentInput = {
  title: 'Search and rescue coordination',
  description: 'x'.repeat(300),
  form: 'policy',
  alignment: { objectives: [{ number: 8, primary: true }, { number: 5 }], principles: ['c', 'a'], commitments: ['T1.C1'], recommendations: [101] },
  scope: { countries: ['FRA'], regions: ['155', '001'] },
  startDate: '2026-01-01',
  targetDate: '2027-12-31',
  budget: { amount: 2500000, currency: 'EUR' },
  indicators: [{ name: 'Rescues', unit: 'people', direction: 'increase', baseline: { value: 10, date: '2025-12-31' }, target: { value: 50, date: '2027-12-31' } }],
};

let ids = 0;
const newId = () => `id-${++ids}`;

describe('pledge content normalisation', () => {
  it('derives themes from the crosswalk, the primary objective giving the primary theme', () => {
    expect(deriveThemes([{ number: 8, primary: true }, { number: 5, primary: false }], catalogue)).toEqual([
      { number: 1, primary: true },
      { number: 2, primary: false },
      { number: 3, primary: false },
    ]);
  });

  it('returns canonical content for valid input, with sorted codes and generated indicator ids', () => {
    const { content, errors } = normaliseContent(valid, catalogue, 4, newId);
    expect(errors).toEqual([]);
    expect(content.alignment).toMatchObject({ principles: ['a', 'c'], themesOverridden: false });
    expect(content.alignment.objectives).toEqual([{ number: 8, primary: true }, { number: 5, primary: false }]);
    expect(content.scope.regions).toEqual(['001', '155']);
    expect(content.indicators[0].id).toMatch(/^id-/);
    expect(content.frameworkVersion).toBe(4);
    expect(submissionErrors(content)).toEqual([]);
  });

  it('honours a theme override, keeping the derived primary when it is among them', () => {
    const { content } = normaliseContent({ ...valid, alignment: { ...valid.alignment, themes: [2, 1] } }, catalogue, 1, newId);
    expect(content.alignment.themes).toEqual([{ number: 2, primary: false }, { number: 1, primary: true }]);
    expect(content.alignment.themesOverridden).toBe(true);
  });

  it('names every unknown code and broken rule in its own field error', () => {
    const bad: PledgeContentInput = {
      ...valid,
      alignment: { objectives: [{ number: 99, primary: true }, { number: 8, primary: true }], principles: ['z'], themes: [7], recommendations: [999], commitments: ['T9.C9'] },
      scope: { countries: ['XXX'], regions: ['999'] },
      startDate: '2027-01-01',
      targetDate: '2026-01-01',
    };
    const fields = normaliseContent(bad, catalogue, 1, newId).errors;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'alignment.objectives.0.number', messages: ['Unknown GCM objective 99'] },
        { field: 'alignment.objectives', messages: ['exactly one objective must be marked primary'] },
        { field: 'alignment.principles.0', messages: ['Unknown guiding principle z'] },
        { field: 'alignment.themes.0', messages: ['Unknown ICMPD theme 7'] },
        { field: 'alignment.recommendations.0', messages: ['Unknown SG recommendation paragraph 999'] },
        { field: 'alignment.commitments.0', messages: ['Unknown actionable commitment T9.C9'] },
        { field: 'scope.countries.0', messages: ['Unknown country XXX'] },
        { field: 'scope.regions.0', messages: ['Unknown UN M49 region code 999'] },
        { field: 'targetDate', messages: ['targetDate must be on or after startDate'] },
      ]),
    );
    expect(fields).toHaveLength(9);
  });

  it('asks for dates and an indicator before submission', () => {
    const { content } = normaliseContent({ ...valid, startDate: null, targetDate: undefined, indicators: [] }, catalogue, 1, newId);
    expect(submissionErrors(content).map((e) => e.field)).toEqual(['startDate', 'targetDate', 'indicators']);
  });

  it('merges a patch part by part, clears optional parts with null and refuses to clear required ones', () => {
    const { content } = normaliseContent(valid, catalogue, 1, newId);
    const merged = mergePatch(content, { title: 'New title', budget: null });
    expect(merged.errors).toEqual([]);
    expect(merged.input).toMatchObject({ title: 'New title', budget: null, description: valid.description });
    expect(merged.input.alignment.themes).toBeNull();
    expect(mergePatch(content, { description: null }).errors).toEqual([{ field: 'description', messages: ['description cannot be cleared'] }]);
  });
});
