import { reportingApi } from '../../api/pledge-api';
import { publicApi } from '../../api/public-api';
import type { ReportKind } from '../../api/report-api';
import { regionNames } from '../../components/catalogue-names';
import type { Option } from '../../forms/fields';
import { t } from '../../i18n';
import { organisationOptions } from '../organisation-options';

/** What each kind of report can be about, as pickers, and the name of a run's scope for its row. */
export interface ReportScopes {
  options: Record<Exclude<ReportKind, 'imrf_summary'>, Option[]>;
  /** Cycles a report can cover: every one that has opened, newest first. */
  cycles: Option[];
  label(kind: ReportKind, scope: string): string;
}

/** The catalogue and the cycles, fetched once for the report desk. */
export async function loadReportScopes(): Promise<ReportScopes> {
  const [countries, objectives, themes, roundTables, cycles, organisations] = await Promise.all([
    publicApi.countries(), publicApi.objectives(), publicApi.themes(), publicApi.roundTables(), reportingApi.cycles(),
    organisationOptions(),
  ]);
  const regions = [...regionNames(countries)].filter(([code]) => code !== '001');
  const options: ReportScopes['options'] = {
    state: countries.map((c) => ({ value: c.alpha3, label: c.name })).sort((a, b) => a.label.localeCompare(b.label, t.locale)),
    objective: objectives.map((o) => ({ value: String(o.number), label: t.reportScopes.objective(o.number, o.shortLabel) })),
    theme: themes.map((th) => ({ value: th.code, label: `${th.code} ${th.title}` })),
    region: regions.map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, t.locale)),
    round_table: roundTables.map((r) => ({ value: r.code, label: `${r.code} ${r.title}` })),
  };
  const names = new Map<string, string>([
    ...Object.values(options).flat().map((o) => [o.value, o.label] as [string, string]),
    ...organisations.map((o) => [o.value, o.label] as [string, string]),
  ]);
  return {
    options,
    cycles: cycles.filter((c) => c.status !== 'scheduled').reverse().map((c) => ({ value: c.code, label: c.code })),
    label: (kind, scope) => {
      const what = t.reportRuns.kinds[kind];
      if (kind === 'imrf_summary' || !scope || scope === 'global') return what;
      // Objective scopes are bare numbers; other kinds' codes do not collide with them.
      const name = kind === 'objective' ? options.objective.find((o) => o.value === scope)?.label : names.get(scope);
      return t.reportScopes.label(what, name ?? scope);
    },
  };
}
