import { useRef } from 'preact/hooks';
import { reportingApi } from '../../api/pledge-api';
import { IMPLEMENTATION_STATUSES, type PledgeView, type ProgressUpdate, type ProgressValues } from '../../api/models';
import { formatDate } from '../../components/format';
import { DraftNotice, ErrorSummary, RadioGroup, SubmitButton, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { ListRows } from './list-rows';
import { remapErrors, toRequest, type UpdateValues } from './update-model';
import { checkUpdate } from './update-rules';

const labels = (field: string): string => {
  const u = t.updates;
  const m = /^(measurements|evidence|partnerContributions)\.(\d+)\.?(.*)$/.exec(field);
  if (m) return `${u.rowLabel[m[1] as 'measurements']} ${Number(m[2]) + 1}${m[3] ? `: ${m[3]}` : ''}`;
  const top: Record<string, string> = {
    status: u.implementationStatus, percentComplete: u.percent, actionsTaken: u.actionsTaken, challenges: u.challenges, nextSteps: u.nextSteps,
    measurements: u.measurements, evidence: u.evidenceLinks, partnerContributions: u.partners,
  };
  return top[field] ?? field;
};

/** Status, narrative, one measurement per indicator, evidence links; last cycle's values shown under each field. */
export function UpdateForm(props: {
  pledge: PledgeView;
  cycle: string;
  update: ProgressUpdate | null;
  previous: ProgressValues | null;
  initial: UpdateValues;
  onSaved: (what: 'saved' | 'submitted') => void;
}) {
  const { pledge, cycle, update, previous } = props;
  const form = useForm<UpdateValues>({
    id: 'update',
        // Not keyed by version: an evidence upload bumps it, and what was typed meanwhile must come back.
    draftKey: update ? `update:${update.id}` : `update:${pledge.id}:${cycle}:new`,
    initial: props.initial,
    validate: checkUpdate,
  });
  const intent = useRef<'save' | 'submit'>('save');
  const saved = useRef<ProgressUpdate | null>(update);
  const submit = form.handle(async (values) => {
    const { body, rows } = toRequest(values);
    try {
      const current = saved.current;
      saved.current = current
        ? await reportingApi.patchUpdate(current.id, body, current.version)
        : await reportingApi.createUpdate(pledge.id, { ...body, cycle }, values.createKey);
      if (intent.current === 'submit') saved.current = await reportingApi.submitUpdate(saved.current.id, saved.current.version);
    } catch (err) {
      throw remapErrors(err, rows);
    }
    props.onSaved(intent.current === 'submit' ? 'submitted' : 'saved');
  });
  const was = (value: string) => (previous ? t.updates.previousValue(previous.cycle, value) : undefined);
  return (
    <form class="form form--wide" onSubmit={submit} noValidate>
      <DraftNotice form={form} />
      <ErrorSummary form={form} labels={labels} />
      <section class="form-section" aria-labelledby="upd-status">
        <h2 id="upd-status">{t.updates.sections.status}</h2>
        <RadioGroup
          form={form}
          name="status"
          label={t.updates.implementationStatus}
          hint={previous ? was(t.updates.implementation[previous.status]) : undefined}
          inline
          options={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: t.updates.implementation[s] }))}
        />
        <TextField form={form} name="percentComplete" label={t.updates.percent} hint={previous ? was(`${previous.percentComplete}%`) : t.updates.percentHint} type="number" min="0" max="100" step="1" required />
        <TextArea form={form} name="actionsTaken" label={t.updates.actionsTaken} rows={5} maxLength={5000} />
        <TextArea form={form} name="challenges" label={t.updates.challenges} rows={4} maxLength={5000} />
        <TextArea form={form} name="nextSteps" label={t.updates.nextSteps} rows={4} maxLength={5000} />
      </section>
      <section class="form-section" aria-labelledby="upd-measurements">
        <h2 id="upd-measurements">{t.updates.measurements}</h2>
        {pledge.indicators.length === 0 && <p class="muted">{t.updates.noIndicators}</p>}
        {pledge.indicators.map((ind, i) => {
          const before = previous?.measurements.find((m) => m.indicatorId === ind.id);
          return (
            <fieldset key={ind.id} class="repeat__item" id={`update-measurements-${i}`} tabIndex={-1}>
              <legend>{ind.name}</legend>
              <p class="muted small">
                {t.updates.indicatorFacts(`${ind.baseline.value} ${ind.unit}`, `${ind.target.value} ${ind.unit}`, formatDate(ind.target.date), t.pledgeEdit.directions[ind.direction])}
                {before && <> · {t.updates.previousValue(previous!.cycle, `${before.value} ${ind.unit} (${formatDate(before.asOf)})`)}</>}
              </p>
              <div class="grid-3">
                <TextField form={form} name={`measurements.${i}.value`} label={t.updates.value(ind.unit)} inputMode="decimal" />
                <TextField form={form} name={`measurements.${i}.asOf`} label={t.updates.asOf} type="date" />
                <TextField form={form} name={`measurements.${i}.note`} label={t.updates.note} />
              </div>
            </fieldset>
          );
        })}
      </section>
      <section class="form-section" aria-labelledby="upd-evidence">
        <h2 id="upd-evidence">{t.updates.evidenceLinks}</h2>
        <ListRows
          form={form}
          name="evidence"
          itemLabel={t.updates.rowLabel.evidence}
          empty={{ url: '', title: '' }}
          addLabel={t.updates.addLink}
          fields={[
            { key: 'title', label: t.updates.linkTitle },
            { key: 'url', label: t.updates.linkUrl, type: 'url' },
          ]}
        />
        {!saved.current && <p class="muted small">{t.updates.filesAfterSave}</p>}
      </section>
      <section class="form-section" aria-labelledby="upd-partners">
        <h2 id="upd-partners">{t.updates.partners}</h2>
        <ListRows
          form={form}
          name="partnerContributions"
          itemLabel={t.updates.rowLabel.partnerContributions}
          empty={{ name: '', contribution: '' }}
          addLabel={t.updates.addPartner}
          fields={[
            { key: 'name', label: t.updates.partnerName },
            { key: 'contribution', label: t.updates.contribution },
          ]}
        />
      </section>
      <div class="form__actions">
        <SubmitButton form={form} label={t.pledgeEdit.saveDraft} secondary onClick={() => (intent.current = 'save')} />
        <SubmitButton form={form} label={t.updates.submit} onClick={() => (intent.current = 'submit')} />
      </div>
    </form>
  );
}
