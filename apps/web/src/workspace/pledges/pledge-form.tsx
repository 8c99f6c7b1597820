import { useRef } from 'preact/hooks';
import { pledgeApi } from '../../api/pledge-api';
import { PLEDGE_FORMS, type PledgeView } from '../../api/models';
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
import { checkPledge } from './pledge-rules';

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
    validate: checkPledge,
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
        <h2 id="sec-about">{t.pledgeEdit.sections.about}</h2>
        <TextField form={form} name="title" label={t.pledgeEdit.title} required maxLength={300} />
        <TextArea form={form} name="description" label={t.pledgeEdit.description} hint={t.pledgeEdit.descriptionHint} rows={8} required minLength={300} maxLength={3000} />
        <RadioGroup form={form} name="form" label={t.pledgeEdit.form} inline options={PLEDGE_FORMS.map((f) => ({ value: f, label: t.pledgeEdit.forms[f] }))} />
        <TextField form={form} name="matchingPledgeRef" label={t.pledgeEdit.matching} hint={t.pledgeEdit.matchingHint} />
      </section>

      <section class="form-section" aria-labelledby="sec-alignment">
        <h2 id="sec-alignment">{t.pledgeEdit.sections.alignment}</h2>
        <CheckboxGroup
          form={form}
          name="alignment.objectives"
          label={t.pledgeEdit.objectives}
          hint={t.pledgeEdit.objectivesHint}
          required
          columns
          options={catalogue.objectives.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.shortLabel}` }))}
        />
        {checked.length > 1 && (
          <SelectField
            form={form}
            name="alignment.primary"
            label={t.pledgeEdit.primaryObjective}
            required
            placeholder={t.ws.common.choose}
            options={checked.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.shortLabel}` }))}
          />
        )}
        <div class="field">
          <p class="field__label">{t.pledgeEdit.themes}</p>
          <p class="field__hint">
            {derived.length ? t.pledgeEdit.themesDerived(derived.map((th) => th.code).join(', ')) : t.pledgeEdit.themesNone}
          </p>
          <Checkbox form={form} name="alignment.overrideThemes" label={t.pledgeEdit.overrideThemes} />
        </div>
        {v.alignment.overrideThemes && (
          <CheckboxGroup
            form={form}
            name="alignment.themes"
            label={t.pledgeEdit.chosenThemes}
            options={catalogue.themes.map((th) => ({ value: String(th.number), label: `${th.code}: ${th.title}` }))}
          />
        )}
        <CheckboxGroup
          form={form}
          name="alignment.principles"
          label={t.pledgeEdit.principles}
          columns
          options={catalogue.principles.map((p) => ({ value: p.key, label: `${p.key}. ${p.name}` }))}
        />
        <CheckboxGroup
          form={form}
          name="alignment.recommendations"
          label={t.pledgeEdit.recommendations}
          options={catalogue.recommendations.map((r) => ({ value: String(r.paragraph), label: `${r.paragraph}. ${r.shortTitle}` }))}
        />
        <fieldset class="field fieldset" id="pledge-alignment-commitments" tabIndex={-1}>
          <legend class="field__label">
            {t.pledgeEdit.commitments} <span class="field__optional">{t.formUi.optional}</span>
          </legend>
          <p class="field__hint">{t.pledgeEdit.commitmentsHint}</p>
          {form.errorsWithin('alignment.commitments') && <p class="field__error">{form.errorsWithin('alignment.commitments')?.join(' ')}</p>}
          {catalogue.themes.map((th) => {
            const picked = th.commitments.filter((c) => v.alignment.commitments.includes(c.code)).length;
            return (
              <details key={th.code} class="picker-group" open={picked > 0 || derived.some((d) => d.code === th.code)}>
                <summary>
                  {th.code}: {th.title} <span class="muted">{t.pledgeEdit.pickedCount(picked)}</span>
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
        <h2 id="sec-scope">{t.pledgeEdit.sections.scope}</h2>
        <ChipPicker form={form} name="scope.countries" label={t.pledgeEdit.countries} hint={t.pledgeEdit.countriesHint} options={catalogue.countries} />
        <ChipPicker form={form} name="scope.regions" label={t.pledgeEdit.regions} hint={t.pledgeEdit.regionsHint} options={catalogue.regions} />
        <div class="grid-2">
          <TextField form={form} name="startDate" label={t.pledgeEdit.startDate} hint={t.pledgeEdit.neededToSubmit} type="date" />
          <TextField form={form} name="targetDate" label={t.pledgeEdit.targetDateField} hint={t.pledgeEdit.neededToSubmit} type="date" />
          <TextField form={form} name="budget.amount" label={t.pledgeEdit.budgetAmount} inputMode="decimal" />
          <TextField form={form} name="budget.currency" label={t.pledgeEdit.budgetCurrency} hint={t.pledgeEdit.currencyHint} maxLength={3} />
        </div>
      </section>

      <section class="form-section" aria-labelledby="sec-partners">
        <h2 id="sec-partners">{t.pledgeEdit.sections.partners}</h2>
        <PartnersEditor form={form} organisations={catalogue.organisations} />
      </section>

      <section class="form-section" aria-labelledby="sec-indicators">
        <h2 id="sec-indicators">{t.pledgeEdit.sections.indicators}</h2>
        <p class="muted">{t.pledgeEdit.indicatorsLead}</p>
        <IndicatorsEditor form={form} />
      </section>

      <section class="form-section" aria-labelledby="sec-contact">
        <h2 id="sec-contact">{t.pledgeEdit.sections.contact}</h2>
        <p class="muted">{t.pledgeEdit.contactLead}</p>
        <div class="grid-2">
          <TextField form={form} name="contact.name" label={t.pledgeEdit.contactName} autoComplete="name" />
          <TextField form={form} name="contact.email" label={t.pledgeEdit.contactEmail} type="email" autoComplete="email" />
        </div>
      </section>

      <div class="form__actions form__actions--sticky">
        <SubmitButton form={form} label={t.pledgeEdit.saveDraft} secondary onClick={() => (intent.current = 'save')} name="save" />
        <SubmitButton form={form} label={t.pledgeEdit.submitForReview} onClick={() => (intent.current = 'submit')} name="submit" />
        <a href={pledge ? `/workspace/pledges/${pledge.id}` : '/workspace/pledges'}>{t.ws.common.cancel}</a>
      </div>
    </form>
  );
}
