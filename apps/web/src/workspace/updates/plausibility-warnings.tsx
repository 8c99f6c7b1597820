import { messageParams, t } from '../../i18n';

type Warning = { code: string; message: string; values?: Record<string, unknown> };
type Code = keyof typeof t.workbench.plausibility;

const arg = (v: unknown): string | number | undefined => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** A warning in the interface language, from its code and values; a code this build does not know keeps the server's message. */
export function warningText(w: Warning): string {
  if (!Object.hasOwn(t.workbench.plausibility, w.code)) return w.message;
  const text = t.workbench.plausibility[w.code as Code] as string | ((...args: (string | number | undefined)[]) => string);
  if (typeof text === 'string') return text;
  return text(...messageParams(text).map((p) => arg(w.values?.[p])));
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
