import type { PledgeView } from '../../api/models';
import { formatDate, formatMoney } from '../../components/format';
import { t } from '../../i18n';
import { TableWrap } from '../../components/table-wrap';

/** The working copy's content, read-only. */
export function PledgeSummary({ pledge }: { pledge: PledgeView }) {
  const a = pledge.alignment;
  return (
    <section aria-labelledby="content">
      <h2 id="content">{t.pledgeEdit.contentTitle}</h2>
      <p class="prose-block">{pledge.description}</p>
      <dl class="facts">
        <div>
          <dt>{t.pledgeEdit.form}</dt>
          <dd>{t.pledgeEdit.forms[pledge.form]}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.objectives}</dt>
          <dd>{a.objectives.map((o) => (o.primary ? `${o.number} (${t.common.primary})` : String(o.number))).join(', ')}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.themes}</dt>
          <dd>{a.themes.map((th) => `T${th.number}`).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.principles}</dt>
          <dd>{a.principles.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.recommendations}</dt>
          <dd>{a.recommendations.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.commitments}</dt>
          <dd>{a.commitments.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.countries}</dt>
          <dd>{pledge.scope.countries.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.period}</dt>
          <dd>
          {formatDate(pledge.startDate)} – {formatDate(pledge.targetDate)}
        </dd>
        </div>
        <div>
          <dt>{t.pledgeEdit.budgetAmount}</dt>
          <dd>{pledge.budget ? formatMoney(pledge.budget.amount, pledge.budget.currency) : '—'}</dd>
        </div>
      </dl>
      {pledge.indicators.length > 0 && (
        <TableWrap label={t.pledgeEdit.sections.indicators}>
          <table class="table table--compact">
            <caption class="subheading">{t.pledgeEdit.sections.indicators}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pledgeEdit.indicatorName}</th>
                <th scope="col">{t.pledgeEdit.direction}</th>
                <th scope="col">{t.pledgeEdit.baselineValue}</th>
                <th scope="col">{t.pledgeEdit.targetValue}</th>
              </tr>
            </thead>
            <tbody>
              {pledge.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{t.pledgeEdit.directions[i.direction]}</td>
                  <td>{t.pledgeEdit.valueAt(`${i.baseline.value} ${i.unit}`, formatDate(i.baseline.date))}</td>
                  <td>{t.pledgeEdit.valueAt(`${i.target.value} ${i.unit}`, formatDate(i.target.date))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
