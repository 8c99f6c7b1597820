import type { UpdateInput } from '../model/report-input.types';
import type { BuilderMessageKey } from '../i18n/builder-messages';
import { BUILDER_MESSAGES } from '../i18n/builder-messages';
import { BuilderText } from '../i18n/builder-text';

/**
 * The method note's count of plausibility warnings: those kept when the
 * secretariat validated each counted update (the reporting lib's one rule
 * set, stored at validation, never recomputed here), by kind, most frequent
 * first. Updates validated before warnings were kept are said, not guessed.
 */
export function warningsNote(counted: UpdateInput[], tr: BuilderText): string[] {
  const validated = counted.filter((u) => u.lifecycle === 'validated');
  const recorded = validated.filter((u) => Array.isArray(u.validatedWarnings));
  const byKind = new Map<string, number>();
  for (const u of recorded) for (const code of u.validatedWarnings!) byKind.set(code, (byKind.get(code) ?? 0) + 1);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const label = (code: string) => {
    const key = `warn_${code}`;
    return key in BUILDER_MESSAGES.en ? tr.t(key as BuilderMessageKey) : code;
  };
  const lines = [kinds.length === 0
    ? tr.t('methodWarningsNone', { count: tr.count(recorded.length) })
    : tr.t('methodWarnings', {
        list: tr.list(kinds.map(([code, n]) => tr.t('warningKindCount', { kind: label(code), count: tr.count(n) }))),
        count: tr.count(recorded.length),
      })];
  const unrecorded = validated.length - recorded.length;
  if (unrecorded > 0) lines.push(tr.t('methodWarningsUnrecorded', { count: tr.count(unrecorded) }));
  return lines;
}
