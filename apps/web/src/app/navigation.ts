import { t } from '../i18n';

export interface NavItem {
  href: string;
  label: string;
  /** Active for this path and everything under it. */
  section?: string;
  /** Workspace entries (issue 7) are listed only to signed-in users. */
  access?: 'public' | 'signed-in';
  /** Served by the API, not by the single-page app. */
  external?: boolean;
}

/** The header navigation; a new page is one line here plus one in routes.ts. */
export const primaryNav: NavItem[] = [
  { href: '/pledges', label: t.nav.pledges, section: '/pledges' },
  { href: '/coverage', label: t.nav.coverage, section: '/coverage' },
  { href: '/objectives', label: t.nav.objectives, section: '/objectives' },
  { href: '/themes', label: t.nav.themes, section: '/themes' },
  { href: '/round-tables', label: t.nav.roundTables, section: '/round-tables' },
  { href: '/recommendations', label: t.nav.recommendations, section: '/recommendations' },
  { href: '/countries', label: t.nav.countries, section: '/countries' },
  { href: '/map', label: t.nav.map, section: '/map' },
  { href: '/practices', label: t.nav.practices, section: '/practices' },
  { href: '/reports', label: t.nav.reports, section: '/reports' },
  { href: '/open-data', label: t.nav.openData, section: '/open-data' },
];

export const footerNav: NavItem[] = [
  { href: '/principles', label: t.nav.principles },
  { href: '/open-data', label: t.nav.openData },
  { href: '/subscriptions', label: t.subscriptions.title },
  { href: '/api/docs', label: t.site.apiDocs, external: true },
];

export function isActive(item: NavItem, path: string): boolean {
  return !!item.section && (path === item.section || path.startsWith(`${item.section}/`));
}
