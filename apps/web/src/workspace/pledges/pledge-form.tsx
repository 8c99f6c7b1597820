import { useRef } from 'preact/hooks';
import { pledgeApi } from '../../api/pledge-api';
import { PLEDGE_FORMS, type PledgeView } from '../../api/workspace-types';
import { navigate } from '../../app/router';
import { ChipPicker } from '../../forms/chip-picker';
import {
  Checkbox, CheckboxGroup, DraftNotice, ErrorSummary, RadioGroup, SelectField, SubmitButton, TextArea, TextField,
} from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { derivedThemes, type Catalogue } from './catalogue';
import { IndicatorsEditor } from './indicators-editor';
import { PartnersEditor } from './partners-editor';
import { toRequest, type PledgeValues } from './pledge-model';
import { PLEDGE_LABELS } from './pledge-labels';

/**
 * Create or edit a pledge's working copy. "Save draft" keeps it private;
 * "Submit for review" saves, then sends it to the secretariat. Every
 * keystroke is kept in sessionStorage until the save succeeds.
 */
export function PledgeForm({ pledge, initial, catalogue }: { pledge: PledgeView | null; initial: PledgeValues; catalogue: Catalogue }) {
  const form = useForm<PledgeValues>({
    id: 'pledge',
    draftKey: pledge ? `pledge:${pledge.id}:v${pledge.version}` : 'pledge:new',
    initial,
  });
  const intent = useRef<'save' | 'submit'>('save');
  // The record as last saved: a submit refused after a successful save edits the same pledge next time, at its new version.
  const saved = useRef<PledgeView | null>(pledge);
  const save = async (values: PledgeValues): Promise<PledgeView> => {
    const current = saved.current;
    saved.current = current
      ? await pledgeApi.update(current.id, toRequest(values), current.version)
      : await pledgeApi.create(toRequest(values), values.createKey);
    return saved.current;
  };
  const submit = form.handle(async (values) => {
    let result = await save(values);
    if (intent.current === 'submit') {
      result = await pledgeApi.submit(result.id, result.version);
      saved.current = result;
    }
    navigate(`/workspace/pledges/${result.id}?done=${intent.current === 'submit' ? 'submitted' : 'saved'}`);
  });
  const v = form.values;
  const checked = catalogue.objectives.filter((o) => v.alignment.objectives.includes(String(o.number)));
  const derived = derivedThemes(v.alignment.objectives, catalogue);
  return (
    <form class="form form--wide" onSubmit={submit} noValidate>
      <DraftNotice form={form} />
      <ErrorSummary form={form} labels={PLEDGE_LABELS} />

      <section class="form-section" aria-labelledby="sec-about">
        <h2 id="sec-about">{t.pledges.sections.about}</h2>
        <TextField form={form} name="title" label={t.pledges.title} required maxLength={300} />
        <TextArea form={form} name="description" label={t.pledges.description} hint={t.pledges.descriptionHint} rows={8} required minLength={300} maxLength={3000} />
        <RadioGroup form={form} name="form" label={t.pledges.form} inline options={PLEDGE_FORMS.map((f) => ({ value: f, label: t.pledges.forms[f] }))} />
        <TextField form={form} name="matchingPledgeRef" label={t.pledges.matching} hint={t.pledges.matchingHint} />
      </section>

      <section class="form-section" aria-labelledby="sec-alignment">
        <h2 id="sec-alignment">{t.pledges.sections.alignment}</h2>
        <CheckboxGroup
          form={form}
          name="alignment.objectives"
          label={t.pledges.objectives}
          hint={t.pledges.objectivesHint}
          required
          columns
          options={catalogue.objectives.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.shortLabel}` }))}
        />
        {checked.length > 1 && (
          <SelectField
            form={form}
            name="alignment.primary"
            label={t.pledges.primaryObjective}
            required
            placeholder={t.ws.common.choose}
            options={checked.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.shortLabel}` }))}
          />
        )}
        <div class="field">
          <p class="field__label">{t.pledges.themes}</p>
          <p class="field__hint">
            {derived.length ? t.pledges.themesDerived(derived.map((th) => th.code).join(', ')) : t.pledges.themesNone}
          </p>
          <Checkbox form={form} name="alignment.overrideThemes" label={t.pledges.overrideThemes} />
        </div>
        {v.alignment.overrideThemes && (
          <CheckboxGroup
            form={form}
            name="alignment.themes"
            label={t.pledges.chosenThemes}
            options={catalogue.themes.map((th) => ({ value: String(th.number), label: `${th.code}: ${th.title}` }))}
          />
        )}
        <CheckboxGroup
          form={form}
          name="alignment.principles"
          label={t.pledges.principles}
          columns
          options={catalogue.principles.map((p) => ({ value: p.key, label: `${p.key}. ${p.name}` }))}
        />
        <CheckboxGroup
          form={form}
          name="alignment.recommendations"
          label={t.pledges.recommendations}
          options={catalogue.recommendations.map((r) => ({ value: String(r.paragraph), label: `${r.paragraph}. ${r.shortTitle}` }))}
        />
        <fieldset class="field fieldset" id="pledge-alignment-commitments" tabIndex={-1}>
          <legend class="field__label">
            {t.pledges.commitments} <span class="field__optional">{t.forms.optional}</span>
          </legend>
          <p class="field__hint">{t.pledges.commitmentsHint}</p>
          {form.errorsWithin('alignment.commitments') && <p class="field__error">{form.errorsWithin('alignment.commitments')?.join(' ')}</p>}
          {catalogue.themes.map((th) => {
            const picked = th.commitments.filter((c) => v.alignment.commitments.includes(c.code)).length;
            return (
              <details key={th.code} class="picker-group" open={picked > 0 || derived.some((d) => d.code === th.code)}>
                <summary>
                  {th.code}: {th.title} <span class="muted">{t.pledges.pickedCount(picked)}</span>
                </summary>
                <div class="choices">
                  {th.commitments.map((c) => (
                    <label key={c.code} class="choice">
                      <input
                        type="checkbox"
                        value={c.code}
                        checked={v.alignment.commitments.includes(c.code)}
                        onChange={(e) =>
                          form.set(
                            'alignment.commitments',
                            e.currentTarget.checked ? [...v.alignment.commitments, c.code] : v.alignment.commitments.filter((x) => x !== c.code),
                          )
                        }
                      />
                      <span>
                        <strong>{c.code}</strong> {c.text}
                      </span>
                    </label>
                  ))}
                </div>
              </details>
            );
          })}
        </fieldset>
      </section>

      <section class="form-section" aria-labelledby="sec-scope">
        <h2 id="sec-scope">{t.pledges.sections.scope}</h2>
        <ChipPicker form={form} name="scope.countries" label={t.pledges.countries} hint={t.pledges.countriesHint} options={catalogue.countries} />
        <ChipPicker form={form} name="scope.regions" label={t.pledges.regions} hint={t.pledges.regionsHint} options={catalogue.regions} />
        <div class="grid-2">
          <TextField form={form} name="startDate" label={t.pledges.startDate} hint={t.pledges.neededToSubmit} type="date" />
          <TextField form={form} name="targetDate" label={t.pledges.targetDateField} hint={t.pledges.neededToSubmit} type="date" />
          <TextField form={form} name="budget.amount" label={t.pledges.budgetAmount} inputMode="decimal" />
          <TextField form={form} name="budget.currency" label={t.pledges.budgetCurrency} hint={t.pledges.currencyHint} maxLength={3} />
        </div>
      </section>

      <section class="form-section" aria-labelledby="sec-partners">
        <h2 id="sec-partners">{t.pledges.sections.partners}</h2>
        <PartnersEditor form={form} organisations={catalogue.organisations} />
      </section>

      <section class="form-section" aria-labelledby="sec-indicators">
        <h2 id="sec-indicators">{t.pledges.sections.indicators}</h2>
        <p class="muted">{t.pledges.indicatorsLead}</p>
        <IndicatorsEditor form={form} />
      </section>

      <section class="form-section" aria-labelledby="sec-contact">
        <h2 id="sec-contact">{t.pledges.sections.contact}</h2>
        <p class="muted">{t.pledges.contactLead}</p>
        <div class="grid-2">
          <TextField form={form} name="contact.name" label={t.pledges.contactName} autoComplete="name" />
          <TextField form={form} name="contact.email" label={t.pledges.contactEmail} type="email" autoComplete="email" />
        </div>
      </section>

      <div class="form__actions form__actions--sticky">
        <SubmitButton form={form} label={t.pledges.saveDraft} secondary onClick={() => (intent.current = 'save')} name="save" />
        <SubmitButton form={form} label={t.pledges.submitForReview} onClick={() => (intent.current = 'submit')} name="submit" />
        <a href={pledge ? `/workspace/pledges/${pledge.id}` : '/workspace/pledges'}>{t.ws.common.cancel}</a>
      </div>
    </form>
  );
}
