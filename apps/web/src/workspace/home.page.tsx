import { useSession } from '../app/session';
import { PageHeader } from '../components/page-header';
import { t } from '../i18n';
import { linksFor } from './workspace-nav';

/** The workspace's front page: where each role starts. */
export function WorkspaceHomePage() {
  const current = useSession();
  if (!current) return null;
  const { user } = current;
  const links = linksFor(user.role).filter((l) => l.href !== '/workspace');
  return (
    <>
      <PageHeader title={t.ws.home.title(user.name)} kicker={user.organisation?.name ?? t.roles[user.role]} lead={t.ws.home.lead[user.role]} />
      <ul class="link-cards">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
