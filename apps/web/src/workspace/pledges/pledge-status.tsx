import type { ImplementationStatus, PledgeStatus, UpdateStatus } from '../../api/models';
import { t } from '../../i18n';

export function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  return <span class={`tag tag--${status}`}>{t.pledgeEdit.statuses[status]}</span>;
}

export function UpdateStatusTag({ status }: { status: UpdateStatus | 'missing' }) {
  return <span class={`tag tag--${status}`}>{t.updates.statuses[status]}</span>;
}

export function ImplementationTag({ status }: { status: ImplementationStatus }) {
  return <span class={`tag tag--impl-${status}`}>{t.updates.implementation[status]}</span>;
}
