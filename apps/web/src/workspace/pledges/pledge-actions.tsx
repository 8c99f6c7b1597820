import { useState } from 'preact/hooks';
import { pledgeApi } from '../../api/pledge-api';
import type { PledgeView } from '../../api/models';
import { ErrorSummary, SubmitButton, TextArea } from '../../forms/fields';
import { describeError, useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { PLEDGE_LABELS } from './pledge-labels';

/** Edit, submit as it is, or withdraw (with a reason) — whatever the pledge's state allows. */
export function PledgeActions({ pledge, onDone }: { pledge: PledgeView; onDone: (done: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const editable = pledge.status === 'draft' || pledge.status === 'returned' || pledge.status === 'published';
  const submittable = pledge.status === 'draft' || pledge.status === 'returned';
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await pledgeApi.submit(pledge.id, pledge.version);
      onDone('submitted');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="actions-bar">
      {error && (
        <p class="notice notice--error" role="alert">
          {error} {t.pledgeEdit.editToFix}
        </p>
      )}
      <div class="form__actions">
        {editable && (
          <a class="button" href={`/workspace/pledges/${pledge.id}/edit`}>
            {pledge.status === 'published' ? t.pledgeEdit.proposeRevision : t.pledgeEdit.edit}
          </a>
        )}
        {submittable && (
          <button type="button" class="button button--secondary" disabled={busy} onClick={submit}>
            {t.pledgeEdit.submitAsIs}
          </button>
        )}
        {pledge.status === 'published' && !withdrawing && (
          <button type="button" class="button button--secondary" onClick={() => setWithdrawing(true)}>
            {t.pledgeEdit.withdraw}
          </button>
        )}
      </div>
      {pledge.status === 'submitted' && <p class="muted">{t.pledgeEdit.awaitingReview}</p>}
      {withdrawing && <WithdrawForm pledge={pledge} onCancel={() => setWithdrawing(false)} onDone={() => onDone('withdrawn')} />}
    </div>
  );
}

function WithdrawForm({ pledge, onCancel, onDone }: { pledge: PledgeView; onCancel: () => void; onDone: () => void }) {
  const form = useForm({ id: 'withdraw', initial: { reason: '' } });
  const submit = form.handle(async (v) => {
    await pledgeApi.withdraw(pledge.id, pledge.version, v.reason);
    onDone();
  });
  return (
    <form class="form" onSubmit={submit} noValidate>
      <ErrorSummary form={form} labels={(f) => (f === 'reason' ? t.pledgeEdit.withdrawReason : PLEDGE_LABELS(f))} />
      <TextArea form={form} name="reason" label={t.pledgeEdit.withdrawReason} hint={t.pledgeEdit.withdrawHint} rows={3} required />
      <div class="form__actions">
        <SubmitButton form={form} label={t.pledgeEdit.withdrawConfirm} />
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t.ws.common.cancel}
        </button>
      </div>
    </form>
  );
}
