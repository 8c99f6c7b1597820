import { useRef } from 'preact/hooks';
import { ErrorSummary, SubmitButton, TextArea } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';

/**
 * The secretariat's decision on a submission: approve (publish or validate)
 * with an optional note, or return with a comment the owner will see.
 */
export function DecisionForm(props: {
  id: string;
  approveLabel: string;
  onApprove: (comment: string) => Promise<unknown>;
  onReturn: (comment: string) => Promise<unknown>;
}) {
  const form = useForm({ id: props.id, draftKey: props.id, initial: { comment: '' } });
  const intent = useRef<'approve' | 'return'>('approve');
  const submit = form.handle(async (v) => {
    if (intent.current === 'approve') await props.onApprove(v.comment.trim());
    else await props.onReturn(v.comment.trim());
  });
  return (
    <form class="form decision" onSubmit={submit} noValidate aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{t.review.decision}</h2>
      <ErrorSummary form={form} labels={{ comment: t.review.comment }} />
      <TextArea form={form} name="comment" label={t.review.comment} hint={t.review.commentHint} rows={4} />
      <div class="form__actions">
        <SubmitButton form={form} label={props.approveLabel} onClick={() => (intent.current = 'approve')} />
        <SubmitButton form={form} label={t.review.returnAction} secondary onClick={() => (intent.current = 'return')} />
      </div>
    </form>
  );
}
