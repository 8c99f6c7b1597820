import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitcher } from '../components/language-switcher';
import { t } from '../i18n';
import { footerNav, isActive, primaryNav, type NavItem } from './navigation';
import { navigate, useLocation } from './router';
import { session, useSession } from './session';
import { authApi } from '../api/account-api';

/** Ends the session on the server, then forgets tokens and autosaved drafts (a shared computer keeps nothing). */
async function signOut(): Promise<void> {
  const ended = await authApi.ssoSignOut().catch(() => null);
  session.clear();
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('gcm.draft.')) sessionStorage.removeItem(key);
  // A session that came through single sign-on also ends at the provider (RP-initiated logout), which sends the browser back.
  if (ended?.logoutUrl) window.location.assign(ended.logoutUrl);
  else navigate('/');
}

function visible(items: NavItem[], signedIn: boolean): NavItem[] {
  return items.filter((i) => i.access !== 'signed-in' || signedIn);
}

/** Landmarks (banner, navigation, main, contentinfo), the skip link and the responsive menu. */
export function Layout({ path, children }: { path: string; children: ComponentChildren }) {
  const current = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const { query } = useLocation();
  const search = query.size ? `?${query.toString()}` : '';
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t.site.skipLink}
      </a>
      <header class="site-header">
        <div class="container site-header__languages">
          <LanguageSwitcher path={path} search={search} />
        </div>
        <div class="container site-header__bar">
          {/* Named by its visible text alone, so what a voice-control user reads out is what the link is called. */}
          <a class="brand" href="/">
            <img class="brand__mark" src="/favicon.svg" alt="" width="36" height="36" />
            <span class="brand__text">
              <span class="brand__name">{t.site.name}</span>
              <span class="brand__tagline">{t.site.tagline}</span>
            </span>
          </a>
          <div class="site-header__end">
            {current ? (
              <div class="account">
                <p class="account__name">
                  {t.site.signedInAs(current.user.name)}
                  <span class="account__role">{t.roles[current.user.role ?? 'none']}</span>
                </p>
                <a class="account__link" href="/workspace">
                  {t.site.workspace}
                </a>
                <button type="button" class="account__link" onClick={() => void signOut()}>
                  {t.site.signOut}
                </button>
              </div>
            ) : (
              <a class="account__link" href="/sign-in">
                {t.site.signIn}
              </a>
            )}
            <button
              type="button"
              class="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="primary-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              {t.site.menu}
            </button>
          </div>
        </div>
        <nav id="primary-nav" class={`primary-nav${menuOpen ? ' is-open' : ''}`} aria-label={t.site.primaryNav}>
          <ul class="container">
            {visible(primaryNav, !!current).map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={isActive(item, path) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} class="container main">
        {children}
      </main>
      <footer class="site-footer">
        <div class="container site-footer__inner">
          <p class="site-footer__note">{t.site.footerNote}</p>
          <nav aria-label={t.site.footerNav}>
            <ul>
              {visible(footerNav, !!current).map((item) => (
                <li key={item.href}>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
