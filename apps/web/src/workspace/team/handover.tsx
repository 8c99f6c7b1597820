import { useState } from 'preact/hooks';
import { teamApi, type TeamView } from '../../api/team-api';
import type { components } from '../../api/schema';
import { ErrorSummary, SelectField, SubmitButton } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';

type Preview = components['schemas']['HandoverPreview'];
const m = () => t.team;

/**
 * Choose the departing official and the successor, see the pledges that
 * would move (as the API selects them), then confirm: the pledges move and
 * the departing account is deactivated.
 */
export function HandoverSection({ team, selfId, onDone }: { team: TeamView; selfId: string; onDone: (message: string) => void }) {
  const form = useForm({ id: 'handover', initial: { fromUserId: '', toUserId: '' } });
  const [preview, setPreview] = useState<(Preview & { toUserId: string }) | null>(null);
  const name = (id: string) => team.members.find((u) => u.id === id)?.name ?? '';
  const active = team.members.filter((u) => u.active);
  const show = form.handle(async (v) => {
    setPreview({ ...(await teamApi.handoverPreview(team.organisationId, v.fromUserId)), toUserId: v.toUserId });
  });
  const confirm = form.handle(async () => {
    if (!preview) return;
    const done = await teamApi.handover(team.organisationId, { fromUserId: preview.fromUserId, toUserId: preview.toUserId });
    setPreview(null);
    form.replace({ fromUserId: '', toUserId: '' });
    onDone(m().handedOver(done.pledges.length, name(done.fromUserId)));
  });
  const labels = { fromUserId: m().from, toUserId: m().to };
  return (
    <section aria-labelledby="handover-title">
      <h2 id="handover-title">{m().handoverTitle}</h2>
      <p>{m().handoverLead}</p>
      <form class="form form--narrow" onSubmit={show} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <SelectField form={form} name="fromUserId" label={m().from} required placeholder={m().choose} onChange={() => setPreview(null)}
          options={active.filter((u) => u.id !== selfId).map((u) => ({ value: u.id, label: `${u.name} (${u.pledges})` }))} />
        <SelectField form={form} name="toUserId" label={m().to} required placeholder={m().choose} onChange={() => setPreview(null)}
          options={active.map((u) => ({ value: u.id, label: u.name }))} />
        <div class="form__actions">
          <SubmitButton form={form} label={m().preview} secondary />
        </div>
      </form>
      {preview && (
        <form class="form" onSubmit={confirm} noValidate aria-labelledby="handover-preview">
          <h3 id="handover-preview">{m().previewTitle(preview.pledges.length, name(preview.fromUserId), name(preview.toUserId))}</h3>
          <ul>
            {preview.pledges.map((p) => <li key={p.id}><bdi>{p.reference}</bdi> {p.title ?? ''}</li>)}
          </ul>
          <div class="form__actions">
            <SubmitButton form={form} label={m().confirm} />
          </div>
        </form>
      )}
    </section>
  );
}
