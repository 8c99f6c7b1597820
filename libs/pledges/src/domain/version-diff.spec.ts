import { diffSnapshots } from './version-diff';

describe('version diff', () => {
  const v1 = {
    title: 'Safe pathways',
    budget: { amount: 1000, currency: 'EUR' },
    alignment: { objectives: [{ number: 5, primary: true }], principles: ['a'] },
    indicators: [
      { id: 'i1', name: 'Visas', target: { value: 100, date: '2027-12-31' } },
      { id: 'i2', name: 'Hotline', target: { value: 1, date: '2027-12-31' } },
    ],
  };

  it('names exactly the fields that changed, with before and after', () => {
    const v2 = {
      ...v1,
      title: 'Safe and regular pathways',
      budget: { amount: 1500, currency: 'EUR' },
      alignment: { objectives: [{ number: 5, primary: true }, { number: 8, primary: false }], principles: ['a'] },
    };
    expect(diffSnapshots(v1, v2)).toEqual([
      { field: 'title', before: 'Safe pathways', after: 'Safe and regular pathways' },
      { field: 'budget.amount', before: 1000, after: 1500 },
      {
        field: 'alignment.objectives',
        before: [{ number: 5, primary: true }],
        after: [{ number: 5, primary: true }, { number: 8, primary: false }],
      },
    ]);
  });

  it('keys indicators by id: a reorder is no change, a removal and an edit are', () => {
    expect(diffSnapshots(v1, { ...v1, indicators: [v1.indicators[1], v1.indicators[0]] })).toEqual([]);
    const edited = { ...v1.indicators[0], target: { value: 120, date: '2027-12-31' } };
    expect(diffSnapshots(v1, { ...v1, indicators: [edited] })).toEqual([
      { field: 'indicators[i1].target.value', before: 100, after: 120 },
      { field: 'indicators[i2].name', before: 'Hotline', after: null },
      { field: 'indicators[i2].target.value', before: 1, after: null },
      { field: 'indicators[i2].target.date', before: '2027-12-31', after: null },
    ]);
  });

  it('shows a cleared budget as its amount and currency going to null', () => {
    expect(diffSnapshots(v1, { ...v1, budget: null })).toEqual([
      { field: 'budget.amount', before: 1000, after: null },
      { field: 'budget.currency', before: 'EUR', after: null },
    ]);
  });
});
