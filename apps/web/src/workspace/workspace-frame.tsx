import type { ComponentChildren } from 'preact';
import { useSession } from '../app/session';
import { t } from '../i18n';
import { activeLink, linksFor } from './workspace-nav';

/** Workspace pages: the role's sections beside the page. */
export function WorkspaceFrame({ path, children }: { path: string; children: ComponentChildren }) {
  const current = useSession();
  if (!current) return <>{children}</>;
  const links = linksFor(current.user);
  const active = activeLink(links, path);
  return (
    <div class="workspace">
      <nav class="workspace__nav" aria-label={t.ws.nav.label}>
        <p class="workspace__org">{current.user.organisation?.name ?? t.roles[current.user.role ?? 'none']}</p>
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} aria-current={l === active ? 'page' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="workspace__content">{children}</div>
    </div>
  );
}
