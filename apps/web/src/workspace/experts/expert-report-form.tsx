import { DraftNotice, ErrorSummary, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { expertApi, type ExpertReport } from './expert-api';
import type { ExpertCatalogue } from './expert-labels';

const labels = {
  about: t.experts.aboutKind, objective: t.experts.objective, theme: t.experts.theme, year: t.experts.year,
  title: t.experts.title, body: t.experts.body, mandate: t.experts.mandate,
};

/**
 * A new report (what it is about is chosen once) or the edit of a draft or
 * returned one (the API keeps its objective or theme). Autosaved as a draft in the tab.
 */
export function ExpertReportForm({ report, catalogue, onSaved }: {
  report: ExpertReport | null; catalogue: ExpertCatalogue; onSaved: (r: ExpertReport) => void;
}) {
  const year = new Date().getUTCFullYear();
  const form = useForm({
    id: 'expert',
    draftKey: `expert:${report?.id ?? 'new'}:v${report?.version ?? 0}`,
    initial: {
      about: report?.theme ? 'theme' : 'objective',
      objective: report?.objective ? String(report.objective) : '',
      theme: report?.theme ? String(report.theme) : '',
      year: String(report?.year ?? year),
      title: report?.title ?? '',
      body: report?.body ?? '',
      mandate: report?.mandate ?? '',
    },
  });
  const v = form.values;
  const submit = form.handle(async (values) => {
    const common = {
      year: Number(values.year), title: values.title, body: values.body, mandate: values.mandate.trim() || undefined,
    };
    if (report) {
      onSaved(await expertApi.update(report.id, report.version, common));
      return;
    }
    const about = values.about === 'theme' ? { theme: Number(values.theme) || undefined } : { objective: Number(values.objective) || undefined };
    onSaved(await expertApi.create({ ...common, ...about }));
  });
  const years = Array.from({ length: year + 2 - 2018 }, (_, i) => String(year + 1 - i)).map((y) => ({ value: y, label: y }));
  return (
    <form class="form" onSubmit={submit} noValidate>
      <DraftNotice form={form} />
      <ErrorSummary form={form} labels={labels} />
      {!report && (
        <>
          <RadioGroup form={form} name="about" label={t.experts.aboutKind} inline
            options={[{ value: 'objective', label: t.experts.kinds.objective }, { value: 'theme', label: t.experts.kinds.theme }]} />
          {v.about === 'theme' ? (
            <SelectField form={form} name="theme" label={t.experts.theme} placeholder={t.ws.common.choose} required
              options={catalogue.themes.map((th) => ({ value: String(th.number), label: `${th.code} — ${th.title}` }))} />
          ) : (
            <SelectField form={form} name="objective" label={t.experts.objective} placeholder={t.ws.common.choose} required
              options={catalogue.objectives.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.shortLabel}` }))} />
          )}
        </>
      )}
      <SelectField form={form} name="year" label={t.experts.year} options={years} required />
      <TextField form={form} name="title" label={t.experts.title} hint={t.experts.titleHint} required />
      <TextArea form={form} name="body" label={t.experts.body} hint={t.experts.bodyHint} rows={12} required />
      <TextField form={form} name="mandate" label={t.experts.mandate} hint={t.experts.mandateHint} />
      <div class="form__actions">
        <SubmitButton form={form} label={report ? t.experts.save : t.experts.create} />
        <a href="/workspace/expert-reports">{t.ws.common.cancel}</a>
      </div>
    </form>
  );
}
