import { frameworkApi } from '../api/framework-api';
import type { ObjectiveView, ThemeView } from '../api/models';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { NotFound } from '../components/not-found';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { CheckboxGroup, DraftNotice, ErrorSummary, RadioGroup, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';

const crumbs = [{ href: '/workspace/framework', label: t.ws.nav.framework }];

async function load() {
  const [version, objectives, themes] = await Promise.all([frameworkApi.version(), frameworkApi.objectives(), frameworkApi.themes()]);
  return { version: version.version, objectives, themes };
}

/** The crosswalk of one objective: which ICMPD themes it belongs to, and the one primary theme. */
export function ObjectiveThemesPage({ params }: RouteProps) {
  const state = useData(load, []);
  return (
    <DataView state={state}>
      {(d) => {
        const objective = d.objectives.find((o) => o.number === Number(params.number));
        return objective ? <CrosswalkForm version={d.version} objective={objective} themes={d.themes} /> : <NotFound />;
      }}
    </DataView>
  );
}

function CrosswalkForm({ version, objective, themes }: { version: number; objective: ObjectiveView; themes: ThemeView[] }) {
  const form = useForm({
    id: 'crosswalk',
    draftKey: `crosswalk:${objective.number}:fw${version}`,
    initial: {
      themes: objective.themes.map((th) => String(th.number)),
      primary: String(objective.themes.find((th) => th.primary)?.number ?? ''),
      note: '',
    },
  });
  const submit = form.handle(async (v) => {
    await frameworkApi.setObjectiveThemes(objective.number, {
      themes: v.themes.map(Number),
      primary: v.primary ? Number(v.primary) : Number.NaN,
      note: v.note.trim() || undefined,
      frameworkVersion: version,
    });
    navigate('/workspace/framework');
  });
  const options = themes.map((th) => ({ value: String(th.number), label: `${th.code}: ${th.title}` }));
  return (
    <>
      <PageHeader title={`${t.common.objective(objective.number)}: ${objective.title}`} crumbs={crumbs} lead={t.ws.fw.crosswalkEditLead} />
      <form class="form" onSubmit={submit} noValidate>
        <DraftNotice form={form} />
        <ErrorSummary form={form} labels={{ themes: t.ws.fw.themes, primary: t.ws.fw.primaryTheme, note: t.ws.fw.note }} />
        <CheckboxGroup form={form} name="themes" label={t.ws.fw.themes} options={options} required />
        <RadioGroup
          form={form}
          name="primary"
          label={t.ws.fw.primaryTheme}
          hint={t.ws.fw.primaryHint}
          options={options.filter((o) => form.values.themes.includes(o.value))}
        />
        <TextField form={form} name="note" label={t.ws.fw.note} hint={t.ws.fw.noteHint} />
        <div class="form__actions">
          <SubmitButton form={form} label={t.ws.common.save} />
          <a href="/workspace/framework">{t.ws.common.cancel}</a>
        </div>
      </form>
    </>
  );
}
