import type { RouteDef } from './router';
import { publicPages } from './public-chunk';
import { workspaceRoutes } from '../workspace/workspace-routes';

const page = publicPages.page;

/** Every page of the app; first match wins. */
export const routes: RouteDef[] = [
  { path: '/', page: page('HomePage') },
  { path: '/objectives', page: page('ObjectivesPage') },
  { path: '/objectives/:number', page: page('ObjectivePage') },
  { path: '/themes', page: page('ThemesPage') },
  { path: '/themes/:code', page: page('ThemePage') },
  { path: '/round-tables', page: page('RoundTablesPage') },
  { path: '/round-tables/:code', page: page('RoundTablePage') },
  { path: '/recommendations', page: page('RecommendationsPage') },
  { path: '/recommendations/:paragraph', page: page('RecommendationPage') },
  { path: '/principles', page: page('PrinciplesPage') },
  { path: '/countries', page: page('CountriesPage') },
  { path: '/countries/:code', page: page('CountryPage') },
  { path: '/map', page: page('MapPage') },
  { path: '/pledges', page: page('PledgesPage') },
  { path: '/pledges/:reference', page: page('PledgePage') },
  { path: '/coverage', page: page('CoveragePage') },
  { path: '/open-data', page: page('OpenDataPage') },
  { path: '/reports', page: page('ReportsPage') },
  { path: '/practices', page: page('PracticesPage') },
  { path: '/practices/:code', page: page('PracticePage') },
  { path: '/sign-in', page: page('SignInPage') },
  { path: '/forgot-password', page: page('ForgotPasswordPage') },
  { path: '/reset-password', page: page('ResetPasswordPage') },
  { path: '/accept-invitation', page: page('AcceptInvitationPage') },
  { path: '/reminder/no-change', page: page('ReminderNoChangePage') },
  { path: '/reminder/update', page: page('ReminderUpdatePage') },
  { path: '/sso-complete', page: page('SsoCompletePage') },
  { path: '/subscriptions', page: page('SubscriptionsPage') },
  { path: '/subscriptions/confirm', page: page('ConfirmSubscriptionPage') },
  { path: '/subscriptions/unsubscribe', page: page('UnsubscribePage') },
  { path: '/digests/:cycle', page: page('DigestPage') },
  ...workspaceRoutes,
];
