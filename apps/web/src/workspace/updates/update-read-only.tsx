import type { ComponentChildren } from 'preact';
import type { ProgressUpdate } from '../../api/models';
import { formatDate } from '../../components/format';
import { t } from '../../i18n';
import { ImplementationTag } from '../pledges/pledge-status';
import { TableWrap } from '../../components/table-wrap';

/** A submitted or validated update, beside the previous cycle's values. */
export function UpdateReadOnly({ update }: { update: ProgressUpdate }) {
  const prev = update.previous;
  const rows: [string, ComponentChildren, ComponentChildren][] = [
    [t.updates.implementationStatus, <ImplementationTag status={update.status} />, prev ? <ImplementationTag status={prev.status} /> : '—'],
    [t.updates.percent, `${update.percentComplete}%`, prev ? `${prev.percentComplete}%` : '—'],
    [t.updates.actionsTaken, update.actionsTaken || '—', prev?.actionsTaken || '—'],
    [t.updates.challenges, update.challenges || '—', prev?.challenges || '—'],
    [t.updates.nextSteps, update.nextSteps || '—', prev?.nextSteps || '—'],
    ...update.measurements.map((m): [string, string, string] => {
      const before = prev?.measurements.find((x) => x.indicatorId === m.indicatorId);
      return [m.indicatorName, `${m.value} ${m.unit} (${formatDate(m.asOf)})`, before ? `${before.value} ${before.unit} (${formatDate(before.asOf)})` : '—'];
    }),
  ];
  return (
    <TableWrap label={t.updates.thisCycle(update.cycle)}>
      <table class="table compare">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t.ws.audit.field}</span>
            </th>
            <th scope="col">{t.updates.thisCycle(update.cycle)}</th>
            <th scope="col">{prev ? t.updates.previousCycle(prev.cycle) : t.updates.noPrevious}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, now, before]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="prose-cell">{now}</td>
              <td class="prose-cell muted">{before}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
