import { catalogueGaps } from '@gcm/platform/pure';
import { PLEDGE_FORMS, PLEDGER_KINDS } from './sql/pledges-by.sql';
import { STATS_MESSAGES, StatsLocaliser } from './stats-localise';

describe('stats labels', () => {
  it('has every English label in all six languages', () => {
    expect(catalogueGaps(STATS_MESSAGES)).toEqual([]);
  });

  it('has a label for every pledger kind and form the aggregates list, in every language', () => {
    const keys = [...PLEDGER_KINDS.map((k) => `kind_${k}`), ...PLEDGE_FORMS.map((f) => `form_${f}`)].sort();
    expect(Object.keys(STATS_MESSAGES.en).sort()).toEqual(keys);
    const fr = new StatsLocaliser('fr', []);
    const items = PLEDGER_KINDS.map((key) => ({ key, label: 'x', title: 'x', pledges: 0 }));
    const out = fr.pledgesBy('pledger-kind', { items }).items as { key: string; label: string }[];
    expect(out.find((i) => i.key === 'local_authority')?.label).toBe('Autorité locale');
  });

  it('answers a catalogue text without a translation in English, marked as the original', () => {
    const out = new StatsLocaliser('ru', [{ entityKind: 'theme', code: 'T1', field: 'title', locale: 'ru', text: 'Тема', source: 'official' }])
      .gaps({ objectives: [{ number: 8, label: 'Missing migrants', title: 'Save lives', pledges: 0 }], themes: [{ number: 1, code: 'T1', title: 'Theme', pledges: 0 }], recommendations: [] });
    expect(out.objectives).toEqual([{ number: 8, label: 'Missing migrants', labelLang: 'en', labelSource: 'original', title: 'Save lives', titleLang: 'en', titleSource: 'original', pledges: 0 }]);
    expect(out.themes).toEqual([{ number: 1, code: 'T1', title: 'Тема', titleLang: 'ru', titleSource: 'official', pledges: 0 }]);
  });
});
