import type { RouteDef } from './router';
import { HomePage } from '../pages/home.page';
import { ObjectivesPage } from '../pages/objectives.page';
import { ObjectivePage } from '../pages/objective.page';
import { ThemesPage } from '../pages/themes.page';
import { ThemePage } from '../pages/theme.page';
import { RoundTablesPage } from '../pages/round-tables.page';
import { RoundTablePage } from '../pages/round-table.page';
import { RecommendationsPage } from '../pages/recommendations.page';
import { RecommendationPage } from '../pages/recommendation.page';
import { PrinciplesPage } from '../pages/principles.page';
import { CountriesPage } from '../pages/countries.page';
import { CountryPage } from '../pages/country.page';
import { PracticesPage } from '../pages/practices.page';
import { PracticePage } from '../pages/practice.page';
import { MapPage } from '../pages/map.page';
import { PledgesPage } from '../pages/pledges.page';
import { PledgePage } from '../pages/pledge.page';
import { CoveragePage } from '../pages/coverage.page';
import { OpenDataPage } from '../pages/open-data.page';
import { SignInPage } from '../auth/sign-in.page';
import { ForgotPasswordPage } from '../auth/forgot-password.page';
import { ResetPasswordPage } from '../auth/reset-password.page';
import { AcceptInvitationPage } from '../auth/accept-invitation.page';
import { ReminderNoChangePage, ReminderUpdatePage } from '../auth/reminder-link.page';
import { SsoCompletePage } from '../auth/sso-complete.page';
import { workspaceRoutes } from '../workspace/workspace-routes';
import { ReportsPage } from '../pages/reports.page';
import { ConfirmSubscriptionPage, SubscriptionsPage, UnsubscribePage } from '../subscriptions/subscriptions.pages';
import { DigestPage } from '../subscriptions/digest.page';

/** Every page of the app; first match wins. */
export const routes: RouteDef[] = [
  { path: '/', page: HomePage },
  { path: '/objectives', page: ObjectivesPage },
  { path: '/objectives/:number', page: ObjectivePage },
  { path: '/themes', page: ThemesPage },
  { path: '/themes/:code', page: ThemePage },
  { path: '/round-tables', page: RoundTablesPage },
  { path: '/round-tables/:code', page: RoundTablePage },
  { path: '/recommendations', page: RecommendationsPage },
  { path: '/recommendations/:paragraph', page: RecommendationPage },
  { path: '/principles', page: PrinciplesPage },
  { path: '/countries', page: CountriesPage },
  { path: '/countries/:code', page: CountryPage },
  { path: '/map', page: MapPage },
  { path: '/pledges', page: PledgesPage },
  { path: '/pledges/:reference', page: PledgePage },
  { path: '/coverage', page: CoveragePage },
  { path: '/open-data', page: OpenDataPage },
  { path: '/reports', page: ReportsPage },
  { path: '/practices', page: PracticesPage },
  { path: '/practices/:code', page: PracticePage },
  { path: '/sign-in', page: SignInPage },
  { path: '/forgot-password', page: ForgotPasswordPage },
  { path: '/reset-password', page: ResetPasswordPage },
  { path: '/accept-invitation', page: AcceptInvitationPage },
  { path: '/reminder/no-change', page: ReminderNoChangePage },
  { path: '/reminder/update', page: ReminderUpdatePage },
  { path: '/sso-complete', page: SsoCompletePage },
  { path: '/subscriptions', page: SubscriptionsPage },
  { path: '/subscriptions/confirm', page: ConfirmSubscriptionPage },
  { path: '/subscriptions/unsubscribe', page: UnsubscribePage },
  { path: '/digests/:cycle', page: DigestPage },
  ...workspaceRoutes,
];
