import { t } from '../../i18n';
import { enWorkbench } from '../../i18n/en-workbench';
import { isIcu } from '../../i18n/icu';

type Warning = { code: string; message: string; values?: Record<string, unknown> };
type Code = keyof typeof enWorkbench.plausibility;

const arg = (v: unknown): string | number | undefined => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** A warning in the interface language, from its code and values; a code this build does not know keeps the server's message. */
export function warningText(w: Warning): string {
  if (!Object.hasOwn(enWorkbench.plausibility, w.code)) return w.message;
  const code = w.code as Code;
  const english = enWorkbench.plausibility[code];
  const text = t.workbench.plausibility[code] as string | ((...args: (string | number | undefined)[]) => string);
  if (typeof text === 'string') return text;
  return text(...(isIcu(english) ? english.params.map((p) => arg(w.values?.[p])) : []));
}

/** The update's plausibility warnings (never blocking), as the focal point and the reviewer see them. */
export function PlausibilityWarnings({ warnings }: { warnings: Warning[] }) {
  if (!warnings.length) return null;
  return (
    <div class="notice notice--warning small" role="note">
      <p>
        <strong>{t.workbench.warnings}</strong>
      </p>
      <ul class="wb-issues">
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`} data-code={w.code}>{warningText(w)}</li>
        ))}
      </ul>
    </div>
  );
}
