import { frameworkApi } from '../api/framework-api';
import type { ObjectiveView, RecommendationView } from '../api/models';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { CheckboxGroup, DraftNotice, ErrorSummary, SubmitButton, TextArea, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';
import { ListEditor } from './list-editor';

const crumbs = [{ href: '/workspace/framework', label: t.ws.nav.framework }];

async function load(paragraph: number | null) {
  const [version, objectives, rec] = await Promise.all([
    frameworkApi.version(),
    frameworkApi.objectives(),
    paragraph === null ? Promise.resolve(null) : frameworkApi.recommendation(paragraph),
  ]);
  return { version: version.version, objectives, rec };
}

/** `/workspace/framework/recommendations/new` and `/…/:paragraph`. */
export function RecommendationEditPage({ params }: RouteProps) {
  const paragraph = params.paragraph ? Number(params.paragraph) : null;
  const state = useData(() => load(paragraph), [paragraph]);
  return (
    <DataView state={state}>
      {(d) => <RecommendationForm version={d.version} objectives={d.objectives} rec={d.rec} />}
    </DataView>
  );
}

function RecommendationForm({ version, objectives, rec }: { version: number; objectives: ObjectiveView[]; rec: RecommendationView | null }) {
  const form = useForm({
    id: 'rec',
    draftKey: `rec:${rec?.paragraph ?? 'new'}:fw${version}`,
    initial: {
      paragraph: rec ? String(rec.paragraph) : '',
      shortTitle: rec?.shortTitle ?? '',
      text: rec?.text ?? '',
      objectives: (rec?.objectives ?? []).map(String),
      considerations: rec?.considerations.map((c) => c.text) ?? [],
      note: '',
    },
  });
  const submit = form.handle(async (v) => {
    const body = {
      shortTitle: v.shortTitle,
      text: v.text,
      objectives: v.objectives.map(Number).sort((a, b) => a - b),
      considerations: v.considerations.filter((c) => c.trim()),
      note: v.note.trim() || undefined,
      frameworkVersion: version,
    };
    if (rec) await frameworkApi.updateRecommendation(rec.paragraph, body);
    else await frameworkApi.addRecommendation({ ...body, paragraph: v.paragraph.trim() === '' ? Number.NaN : Number(v.paragraph) });
    navigate('/workspace/framework');
  });
  const title = rec ? t.recommendations.paragraphTitle(rec.paragraph, rec.shortTitle) : t.ws.fw.addRecommendation;
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} lead={t.ws.fw.editLead} />
      <form class="form" onSubmit={submit} noValidate>
        <DraftNotice form={form} />
        <ErrorSummary
          form={form}
          labels={{
            paragraph: t.ws.fw.paragraph, shortTitle: t.ws.fw.shortTitle, text: t.ws.fw.text, objectives: t.ws.fw.objectives,
            considerations: t.ws.fw.considerations, note: t.ws.fw.note,
          }}
        />
        {!rec && <TextField form={form} name="paragraph" label={t.ws.fw.paragraph} hint={t.ws.fw.paragraphHint} inputMode="numeric" required />}
        <TextField form={form} name="shortTitle" label={t.ws.fw.shortTitle} required />
        <TextArea form={form} name="text" label={t.ws.fw.text} rows={8} required />
        <CheckboxGroup
          form={form}
          name="objectives"
          label={t.ws.fw.objectives}
          columns
          options={objectives.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.shortLabel}` }))}
        />
        <ListEditor form={form} name="considerations" label={t.ws.fw.considerations} itemLabel={t.ws.fw.consideration} addLabel={t.ws.fw.addConsideration} />
        <TextField form={form} name="note" label={t.ws.fw.note} hint={t.ws.fw.noteHint} />
        <div class="form__actions">
          <SubmitButton form={form} label={rec ? t.ws.common.save : t.ws.fw.create} />
          <a href="/workspace/framework">{t.ws.common.cancel}</a>
        </div>
      </form>
    </>
  );
}
