import type { ImplementationStatus } from '../api/models';
import { t } from '../i18n';

/** The implementation status as a coloured label: the words carry the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: ImplementationStatus }) {
  return (
    <span class="status-badge" data-status={status}>
      {t.status[status]}
    </span>
  );
}
