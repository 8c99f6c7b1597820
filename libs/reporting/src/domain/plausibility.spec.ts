import { catalogueGaps, LOCALES } from '@gcm/platform/pure';
import { PLAUSIBILITY_MESSAGES } from '../i18n/plausibility-messages';
import { PLAUSIBILITY_CODES, plausibilityWarnings, PlausibilityInput } from './plausibility';

const base = (over: Partial<PlausibilityInput> = {}): PlausibilityInput => ({
  status: 'on_track', percentComplete: 50, pledgeTargetDate: '2027-12-31', periodEnd: '2026-12-31',
  indicators: [
    { id: 'up', name: 'People rescued', direction: 'increase', baselineValue: 100, targetValue: 500 },
    { id: 'down', name: 'Deaths at sea', direction: 'decrease', baselineValue: 80, targetValue: 10 },
  ],
  measurements: [{ indicatorId: 'up', value: 300, asOf: '2026-12-31' }, { indicatorId: 'down', value: 40, asOf: '2026-12-31' }],
  previous: { percentComplete: 40, measurements: [{ indicatorId: 'up', value: 200, asOf: '2026-06-30' }, { indicatorId: 'down', value: 50, asOf: '2026-06-30' }] },
  links: [{ title: 'Decree', url: 'https://example.org/decree', linkOutcome: 'ok' }],
  ...over,
});
const codes = (over: Partial<PlausibilityInput>) => plausibilityWarnings(base(over)).map((w) => `${w.code}${w.indicatorId ? `:${w.indicatorId}` : ''}`);

describe('plausibility warnings (one rule set)', () => {
  it('a plausible update has none', () => expect(codes({})).toEqual([]));

  it('"achieved" while an indicator is short of its target, in either direction', () => {
    expect(codes({ status: 'achieved', percentComplete: 100 })).toEqual(['achieved_below_target:up', 'achieved_below_target:down']);
    const met = [{ indicatorId: 'up', value: 520, asOf: '2026-12-31' }, { indicatorId: 'down', value: 8, asOf: '2026-12-31' }];
    expect(codes({ status: 'achieved', percentComplete: 100, measurements: met })).toEqual([]);
  });

  it('100 % with a status other than achieved', () => expect(codes({ percentComplete: 100 })).toEqual(['complete_not_achieved']));

  it('a measurement moving against its direction since last cycle', () => {
    expect(codes({ measurements: [{ indicatorId: 'up', value: 150, asOf: '2026-12-31' }, { indicatorId: 'down', value: 60, asOf: '2026-12-31' }] }))
      .toEqual(['against_direction:up', 'against_direction:down']);
  });

  it('"not started" after the pledge’s target date, not before it', () => {
    expect(codes({ status: 'not_started', pledgeTargetDate: '2026-09-30', previous: null })).toEqual(['not_started_after_target']);
    expect(codes({ status: 'not_started', previous: null })).toEqual([]);
  });

  it('a percent lower than last cycle’s', () => expect(codes({ percentComplete: 30 })).toEqual(['percent_dropped']));

  it('an evidence link whose last check found no answer; an unchecked one is not judged', () => {
    const links = [
      { title: 'Gone', url: 'https://example.org/gone', linkOutcome: 'http_error' },
      { title: 'Slow', url: 'https://example.org/slow', linkOutcome: 'timeout' },
      { title: 'New', url: 'https://example.org/new', linkOutcome: null },
    ];
    expect(codes({ links })).toEqual(['evidence_link_unanswered', 'evidence_link_unanswered']);
    expect(plausibilityWarnings(base({ links }))[0].message).toContain('https://example.org/gone');
  });

  it('never blocks: the warnings are data, every message in words', () => {
    for (const w of plausibilityWarnings(base({ status: 'achieved', percentComplete: 30 }))) expect(w.message.length).toBeGreaterThan(20);
  });

  describe('the message in the request language, the code and values stable', () => {
    const all = base({ status: 'achieved', percentComplete: 30, links: [{ title: 'Decree', url: 'https://example.org/decree', linkOutcome: 'timeout' }],
      measurements: [{ indicatorId: 'up', value: 150, asOf: '2026-12-31' }, { indicatorId: 'down', value: 60, asOf: '2026-12-31' }] });

    it('every code has a message in the six languages, with the English placeholders', () => {
      expect(catalogueGaps(PLAUSIBILITY_MESSAGES)).toEqual([]);
      expect(Object.keys(PLAUSIBILITY_MESSAGES.en).sort()).toEqual([...PLAUSIBILITY_CODES].sort());
    });

    it('English by default, French and Arabic when asked, filled from the same values', () => {
      const en = plausibilityWarnings(all);
      const fr = plausibilityWarnings(all, 'fr');
      const ar = plausibilityWarnings(all, 'ar');
      expect(fr.map((w) => [w.code, w.indicatorId, w.values])).toEqual(en.map((w) => [w.code, w.indicatorId, w.values]));
      expect(ar.map((w) => w.code)).toEqual(en.map((w) => w.code));
      const msg = (ws: typeof en, code: string, ind: string | null = null) => ws.find((w) => w.code === code && w.indicatorId === ind)!.message;
      expect(msg(en, 'achieved_below_target', 'up')).toBe('Reported as achieved, but "People rescued" is at 150, short of its target of 500');
      expect(en.find((w) => w.code === 'achieved_below_target')!.values).toEqual({ name: 'People rescued', value: 150, target: 500 });
      expect(msg(fr, 'achieved_below_target', 'up')).toBe('Déclaré comme réalisé, mais « People rescued » est à 150, en deçà de sa cible de 500');
      expect(msg(fr, 'against_direction', 'down')).toBe('« Deaths at sea » devrait diminuer mais est passé de 50 à 60 depuis le dernier cycle');
      expect(msg(fr, 'percent_dropped')).toBe('Le pourcentage d’achèvement est passé de 40 % au dernier cycle à 30 %');
      expect(msg(fr, 'evidence_link_unanswered')).toBe('Le lien de justificatif « Decree » (https://example.org/decree) ne répond pas');
      expect(msg(ar, 'against_direction', 'up')).toBe('كان ينبغي أن يرتفع «People rescued» لكنه تغيّر من 200 إلى 150 منذ الدورة السابقة');
      expect(msg(ar, 'percent_dropped')).toBe('انخفضت نسبة الإنجاز من 40 % في الدورة السابقة إلى 30 %');
      expect(plausibilityWarnings(base({ status: 'not_started', pledgeTargetDate: '2026-09-30', previous: null }), 'ar')[0].message)
        .toBe('«لم يبدأ» رغم أن التاريخ المستهدف للتعهد (2026-09-30) قد انقضى');
      expect(plausibilityWarnings(base({ status: 'not_started', pledgeTargetDate: '2026-09-30', previous: null }))[0].message)
        .toBe('"Not started" although the pledge\'s target date (2026-09-30) has passed');
      for (const locale of LOCALES) for (const w of plausibilityWarnings(all, locale)) expect(w.message).not.toMatch(/[{}]/);
    });
  });
});
