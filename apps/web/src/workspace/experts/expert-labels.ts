import { publicApi } from '../../api/public-api';
import type { ObjectiveView, ThemeView } from '../../api/models';
import { t } from '../../i18n';
import type { ExpertReport } from './expert-api';

export interface ExpertCatalogue {
  objectives: ObjectiveView[];
  themes: ThemeView[];
}

export async function loadExpertCatalogue(): Promise<ExpertCatalogue> {
  const [objectives, themes] = await Promise.all([publicApi.objectives(), publicApi.themes()]);
  return { objectives, themes };
}

/** What a report is about, by name: "Objective 8 — Save lives…" or "T2 — …". */
export function aboutLabel(r: Pick<ExpertReport, 'objective' | 'theme'>, c: ExpertCatalogue): string {
  if (r.objective !== null) {
    const o = c.objectives.find((x) => x.number === r.objective);
    return o ? t.experts.aboutObjective(o.number, o.title) : t.names.objectiveOnly(r.objective);
  }
  const th = c.themes.find((x) => x.number === r.theme);
  return th ? t.experts.aboutTheme(th.code, th.title) : t.names.themeOnly(r.theme ?? 0);
}
