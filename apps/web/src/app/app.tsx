import { useEffect, useState } from 'preact/hooks';
import { refreshSession } from '../api/client';
import { NotFound } from '../components/not-found';
import { PageHeader } from '../components/page-header';
import { SignInDialog } from '../auth/sign-in-dialog';
import { SignInPanel } from '../auth/sign-in.page';
import { t } from '../i18n';
import { WorkspaceFrame } from '../workspace/workspace-frame';
import { Layout } from './layout';
import { interceptLinks, matchRoute, onNavigate, useLocation } from './router';
import { routes } from './routes';
import { session, tokens, useSession } from './session';

function NotForYourRole() {
  return <PageHeader title={t.ws.notForRoleTitle} lead={t.ws.notForRoleText} />;
}

/**
 * After a reload whose access token has expired (or was never kept), exchange
 * the refresh token before the first workspace page asks for anything.
 */
function useRestoredSession(): boolean {
  const [ready, setReady] = useState(() => !tokens.refresh() || !!tokens.access());
  useEffect(() => {
    if (ready) return;
    void refreshSession().then((ok) => {
      if (!ok) session.clear();
      setReady(true);
    });
  }, []);
  return ready;
}

/** Routes the current location to its page inside the shared layout. */
export function App() {
  const location = useLocation();
  const current = useSession();
  const ready = useRestoredSession();
  useEffect(() => interceptLinks(), []);
  useEffect(() => {
    let lastPath = location.path;
    return onNavigate((loc, how) => {
      // A new query on the same page (search, filters) keeps focus where the user is working.
      const samePage = loc.path === lastPath;
      lastPath = loc.path;
      if (samePage || how === 'replace') return;
      // A new page: start reading and tabbing at its content, as a page load would.
      if (how === 'push') window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    });
  }, []);
  const match = matchRoute(routes, location.path);
  const route = match?.route;
  const Page = route?.page;
  const signedInOnly = route?.access === 'signed-in';
  let content;
  if (!Page || !match) content = <NotFound />;
  else if (signedInOnly && !ready) content = <p class="status" role="status">{t.common.loading}</p>;
  else if (signedInOnly && !current) content = <SignInPanel />;
  else if (route.roles && current && (current.user.role === null || !route.roles.includes(current.user.role))) content = <NotForYourRole />;
  else content = <Page params={match.params} query={location.query} />;
  return (
    <Layout path={location.path}>
      {signedInOnly && current ? <WorkspaceFrame path={location.path}>{content}</WorkspaceFrame> : content}
      <SignInDialog />
    </Layout>
  );
}
