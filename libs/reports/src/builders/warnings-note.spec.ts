import { PLAUSIBILITY_CODES } from '@gcm/reporting';
import { ReportDocument } from '../model/document.types';
import { BUILDER_MESSAGES } from '../i18n/builder-messages';
import { handMadeDataset, CYCLE } from '../testing/hand-made.fixture';
import { buildImrfSummary } from './imrf-summary.builder';

const methodNotes = (doc: ReportDocument) =>
  doc.sections.find((s) => s.id === 'method')!.blocks.flatMap((b) => (b.type === 'list' ? b.items : [])).map((t) => t.replace(/[\u2068\u2069]/g, ''));

/** The hand-made data set with the warnings kept at validation on its validated updates of the cycle: two with warnings, the rest without. */
function withWarnings(recordedOnAll = true) {
  const data = handMadeDataset();
  const validated = data.updates.filter((u) => u.cycleCode === CYCLE.code && u.lifecycle === 'validated');
  validated.forEach((u, i) => {
    u.validatedWarnings = i === 0 ? ['percent_dropped', 'evidence_link_unanswered'] : i === 1 ? ['evidence_link_unanswered'] : [];
  });
  if (!recordedOnAll) validated[validated.length - 1].validatedWarnings = null;
  // A submitted update's warnings are no part of the count, whatever it carries.
  const submitted = data.updates.find((u) => u.cycleCode === CYCLE.code && u.lifecycle === 'submitted');
  if (submitted) submitted.validatedWarnings = ['achieved_below_target'];
  return { data, validated: validated.length };
}

describe("the IMRF summary's method note counts the plausibility warnings kept at validation", () => {
  it('by kind, most frequent first, over the validated updates counted', () => {
    const { data, validated } = withWarnings();
    expect(validated).toBeGreaterThan(2);
    const notes = methodNotes(buildImrfSummary({ ...data, scope: { cycleCodes: [CYCLE.code] } }));
    expect(notes).toContain(
      'Plausibility warnings (never blocking) that the secretariat saw when validating the updates counted here, by kind: ' +
      `an evidence link that does not answer: 2, a percent lower than last cycle's: 1. Validated updates counted: ${validated}.`,
    );
    expect(notes.join(' ')).not.toContain('is below its target');
  });

  it('says none when no validated update carried one, and names those validated before warnings were kept', () => {
    const data = handMadeDataset();
    const validated = data.updates.filter((u) => u.cycleCode === CYCLE.code && u.lifecycle === 'validated');
    validated.forEach((u, i) => (u.validatedWarnings = i === 0 ? null : []));
    const notes = methodNotes(buildImrfSummary({ ...data, scope: { cycleCodes: [CYCLE.code] } }));
    expect(notes).toContain(`None of the validated updates counted here carried a plausibility warning when the secretariat validated it. Validated updates counted: ${validated.length - 1}.`);
    expect(notes).toContain('Validated updates from before warnings were kept at validation are not in these counts: 1.');
  });

  it('is written in the report language', () => {
    const { data } = withWarnings(false);
    const notes = methodNotes(buildImrfSummary({ ...data, language: 'fr', scope: { cycleCodes: [CYCLE.code] } }));
    expect(notes.find((n) => n.startsWith('Alertes de vraisemblance'))).toContain('un lien de justificatif qui ne répond pas : 2');
    expect(notes).toContain('Les rapports validés avant que les alertes ne soient conservées à la validation ne figurent pas dans ces décomptes : 1.');
    expect(notes.find((n) => n.startsWith('Les objectifs sont classés en trois groupes'))).toContain('moins de 25 pour cent des États ayant fait rapport');
  });

  it('has a name in the catalogue for every kind of warning the reporting rule set raises', () => {
    for (const code of PLAUSIBILITY_CODES) expect([code, `warn_${code}` in BUILDER_MESSAGES.en]).toEqual([code, true]);
  });
});
