import type { TimelineEntry } from '../api/models';
import { formatDate, formatNumber } from './format';
import { t } from '../i18n';
import { StatusBadge } from './status-badge';

/** Validated progress updates, oldest cycle first: status, completion, narrative, indicator values and evidence. */
export function PledgeTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="muted">{t.pledge.noTimeline}</p>;
  return (
    <ol class="timeline">
      {entries.map((u) => (
        <li key={u.id} class="timeline__entry" data-cycle={u.cycle}>
          <h3>
            {u.cycle} <StatusBadge status={u.status} />
            {u.isLate && <span class="badge">{t.pledge.late}</span>}
            {u.noChange && <span class="badge">{t.pledge.noChange}</span>}
          </h3>
          <p class="muted small">
            {u.periodStart} – {u.periodEnd}
          </p>
          <p>
            <progress class="progress" max={100} value={u.percentComplete} aria-label={t.pledge.percent(u.percentComplete)} />{' '}
            {t.pledge.percent(u.percentComplete)}
          </p>
          {u.actionsTaken && (
            <>
              <h4>{t.pledge.actions}</h4>
              <p>{u.actionsTaken}</p>
            </>
          )}
          {u.challenges && (
            <>
              <h4>{t.pledge.challenges}</h4>
              <p>{u.challenges}</p>
            </>
          )}
          {u.nextSteps && (
            <>
              <h4>{t.pledge.nextSteps}</h4>
              <p>{u.nextSteps}</p>
            </>
          )}
          {u.measurements.length > 0 && (
            <>
              <h4>{t.pledge.measurements}</h4>
              <ul class="plain-list">
                {u.measurements.map((m) => (
                  <li key={m.indicatorId}>
                    {m.indicatorName}: {formatNumber(m.value)} {m.unit} ({formatDate(m.asOf)}; {t.pledge.target.toLowerCase()} {formatNumber(m.target)}){m.note ? ` – ${m.note}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {u.evidence.length > 0 && (
            <>
              <h4>{t.pledge.evidence}</h4>
              <ul class="plain-list">
                {u.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={(e.kind === 'url' ? e.url : e.download) ?? '#'} rel="noopener noreferrer">
                      {e.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
