import { t } from '../../i18n';

/** The update's plausibility warnings (never blocking), as the focal point and the reviewer see them. */
export function PlausibilityWarnings({ warnings }: { warnings: { code: string; message: string }[] }) {
  if (!warnings.length) return null;
  return (
    <div class="notice notice--warning small" role="note">
      <p>
        <strong>{t.workbench.warnings}</strong>
      </p>
      <ul class="wb-issues">
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}
