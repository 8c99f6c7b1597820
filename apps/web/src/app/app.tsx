import { useEffect } from 'preact/hooks';
import { NotFound } from '../components/not-found';
import { t } from '../i18n';
import { PageHeader } from '../components/page-header';
import { Layout } from './layout';
import { interceptLinks, matchRoute, onNavigate, useLocation } from './router';
import { routes } from './routes';
import { useSession } from './session';

function SignInRequired() {
  return <PageHeader title={t.common.signInTitle} lead={t.common.signInText} />;
}

/** Routes the current location to its page inside the shared layout. */
export function App() {
  const location = useLocation();
  const current = useSession();
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
  const Page = match?.route.page;
  const allowed = match?.route.access !== 'signed-in' || !!current;
  return (
    <Layout path={location.path}>
      {!Page ? <NotFound /> : allowed ? <Page params={match.params} query={location.query} /> : <SignInRequired />}
    </Layout>
  );
}
