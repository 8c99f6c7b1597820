/**
 * Every page outside the workspace, in one chunk: main.tsx fetches it beside
 * the app on a public page's first visit (no extra round trip), and a
 * workspace page such as the cycle workbench never downloads it.
 */
export { HomePage } from '../pages/home.page';
export { ObjectivesPage } from '../pages/objectives.page';
export { ObjectivePage } from '../pages/objective.page';
export { ThemesPage } from '../pages/themes.page';
export { ThemePage } from '../pages/theme.page';
export { RoundTablesPage } from '../pages/round-tables.page';
export { RoundTablePage } from '../pages/round-table.page';
export { RecommendationsPage } from '../pages/recommendations.page';
export { RecommendationPage } from '../pages/recommendation.page';
export { PrinciplesPage } from '../pages/principles.page';
export { CountriesPage } from '../pages/countries.page';
export { CountryPage } from '../pages/country.page';
export { PracticesPage } from '../pages/practices.page';
export { PracticePage } from '../pages/practice.page';
export { MapPage } from '../pages/map.page';
export { PledgesPage } from '../pages/pledges.page';
export { PledgePage } from '../pages/pledge.page';
export { CoveragePage } from '../pages/coverage.page';
export { OpenDataPage } from '../pages/open-data.page';
export { ReportsPage } from '../pages/reports.page';
export { SignInPage } from '../auth/sign-in.page';
export { ForgotPasswordPage } from '../auth/forgot-password.page';
export { ResetPasswordPage } from '../auth/reset-password.page';
export { AcceptInvitationPage } from '../auth/accept-invitation.page';
export { ReminderNoChangePage, ReminderUpdatePage } from '../auth/reminder-link.page';
export { SsoCompletePage } from '../auth/sso-complete.page';
export { ConfirmSubscriptionPage, SubscriptionsPage, UnsubscribePage } from '../subscriptions/subscriptions.pages';
export { DigestPage } from '../subscriptions/digest.page';
