import type { Role, SessionUser } from '../app/session';
import { t } from '../i18n';

export interface WorkspaceLink {
  href: string;
  label: string;
  roles: Role[];
  /** Served by the API (a page of its own), not by this app. */
  external?: boolean;
  /** Only for the organisation's in-country approver. */
  approverOnly?: boolean;
}

/** The workspace's own navigation, filtered by role; one line per screen. */
export const workspaceNav: WorkspaceLink[] = [
  { href: '/workspace', label: t.ws.nav.overview, roles: ['focal_point', 'secretariat', 'expert'] },
  { href: '/workspace/pledges', label: t.ws.nav.pledges, roles: ['focal_point'] },
  { href: '/workspace/expert-reports', label: t.experts.nav, roles: ['expert'] },
  { href: '/workspace/organisation', label: t.ws.nav.myOrganisation, roles: ['focal_point'] },
  { href: '/workspace/team', label: t.team.nav, roles: ['focal_point'] },
  { href: '/workspace/approvals', label: t.team.approvalsNav, roles: ['focal_point'], approverOnly: true },
  { href: '/workspace/review', label: t.ws.nav.review, roles: ['secretariat'] },
  { href: '/workspace/review/expert-reports', label: t.experts.reviewNav, roles: ['secretariat'] },
  { href: '/workspace/cycles', label: t.ws.nav.cycles, roles: ['secretariat'] },
  { href: '/workspace/extensions', label: t.extensions.nav, roles: ['focal_point', 'secretariat'] },
  { href: '/workspace/reports', label: t.ws.nav.reports, roles: ['secretariat'] },
  { href: '/workspace/organisations', label: t.ws.nav.organisations, roles: ['secretariat'] },
  { href: '/workspace/users', label: t.ws.nav.users, roles: ['secretariat'] },
  { href: '/workspace/framework', label: t.ws.nav.framework, roles: ['secretariat'] },
  { href: '/workspace/sso', label: t.sso.admin.nav, roles: ['secretariat'] },
  { href: '/workspace/audit', label: t.ws.nav.audit, roles: ['secretariat'] },
  { href: '/workspace/queues', label: t.ws.nav.queues, roles: ['secretariat'] },
];

export function linksFor(user: Pick<SessionUser, 'role' | 'isApprover'> | null): WorkspaceLink[] {
  const role = user?.role;
  return role
    ? workspaceNav.filter((l) => l.roles.includes(role) && (!l.approverOnly || user.isApprover))
    : workspaceNav.filter((l) => l.href === '/workspace');
}

/** The most specific link that contains `path`. */
export function activeLink(links: WorkspaceLink[], path: string): WorkspaceLink | undefined {
  return links
    .filter((l) => path === l.href || path.startsWith(`${l.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}
