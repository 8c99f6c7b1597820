import { dashboardApi } from '../api/dashboard-api';
import type { PledgesBy, StatusCount, StatusTrend } from '../api/models';
import type { BarDatum } from '../components/bar-chart';
import type { StackedSpec } from '../components/chart-setup';
import { STATUS_COLORS } from '../components/status-colors';
import { t } from '../i18n';

/** `named`: the interface's own word is the full name too (pledger kinds, forms), not the API's title. */
const bars = (by: PledgesBy, label: (key: string) => string, href?: (key: string) => string, named = false): BarDatum[] =>
  by.items.map((i) => ({ label: label(String(i.key)), name: named ? label(String(i.key)) : i.title, value: i.pledges, href: href?.(String(i.key)) }));

export const statusBars = (statuses: StatusCount[]): BarDatum[] =>
  statuses.map((s) => ({ label: t.status[s.status], name: t.status[s.status], value: s.pledges, href: `/pledges?status=${s.status}` }));

export function trendSpec(trend: StatusTrend): StackedSpec {
  return {
    labels: trend.cycles.map((c) => c.code),
    series: trend.statuses.map((s) => ({
      name: t.status[s],
      color: STATUS_COLORS[s],
      values: trend.cycles.map((c) => c.statuses.find((x) => x.status === s)?.pledges ?? 0),
    })),
  };
}

/** Everything the home page shows, from the stats API (each answer cached server-side until the next publication). */
export async function loadHome() {
  const [headline, objective, theme, region, kind, form, status, trend] = await Promise.all([
    dashboardApi.headline(),
    dashboardApi.pledgesBy('objective'),
    dashboardApi.pledgesBy('theme'),
    dashboardApi.pledgesBy('region'),
    dashboardApi.pledgesBy('pledger-kind'),
    dashboardApi.pledgesBy('form'),
    dashboardApi.status(),
    dashboardApi.statusTrend(),
  ]);
  return {
    headline,
    provenance: [headline, objective, theme, region, kind, form, status, trend].map((r) => r.provenance),
    charts: [
      { id: 'chart-objectives', title: t.stats.byObjective, horizontal: true, data: bars(objective, (k) => k, (k) => `/objectives/${k}`) },
      { id: 'chart-themes', title: t.stats.byTheme, data: bars(theme, (k) => k, (k) => `/themes/${k}`) },
      { id: 'chart-regions', title: t.stats.byRegion, data: bars(region, (k) => region.items.find((i) => i.key === k)!.label, (k) => `/pledges?region=${k}`) },
      { id: 'chart-kinds', title: t.stats.byKind, data: bars(kind, (k) => t.kinds[k as keyof typeof t.kinds] ?? k, (k) => `/pledges?pledgerKind=${k}`, true) },
      { id: 'chart-forms', title: t.stats.byForm, data: bars(form, (k) => t.forms[k as keyof typeof t.forms] ?? k, (k) => `/pledges?form=${k}`, true) },
      { id: 'chart-status', title: t.stats.statusIn(status.cycle?.code ?? null), data: statusBars(status.statuses) },
    ],
    trend: trendSpec(trend),
  };
}
