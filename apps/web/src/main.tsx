import { render } from 'preact';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import './styles/fonts.css';
import './styles/main.css';
import './styles/dashboard.css';
import './styles/workspace.css';
import './styles/details.css';
import { isPublicPath, publicPages } from './app/public-chunk';
import { matchRoute } from './app/router';
import { localeDirection } from './i18n';
import { localiseLinks } from './i18n/links';
import { loadLocale } from './i18n/load';
import { splitLocale } from './i18n/locale-path';
import { workbenchChunk, workbenchRoute } from './workspace/cycles/workbench-route';

/**
 * The language comes from the address; its catalogue is loaded before the app's
 * modules run, so every message they keep (navigation labels, breadcrumbs) is in it
 * (on the cycle workbench only the sections the frame and the workbench read).
 * Then the app and the chunk of the page landed on (the public pages, or the
 * cycle workbench) download side by side, one round trip rather than two; a
 * workspace page never downloads the public pages.
 */
async function start(): Promise<void> {
  const { locale, path } = splitLocale(window.location.pathname);
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
  const workbench = !!matchRoute([workbenchRoute], path);
  await loadLocale(locale, !workbench);
  localiseLinks();
  const pages = isPublicPath(path) ? publicPages : workbench ? workbenchChunk : undefined;
  // Caught here: a page whose chunk cannot arrive says so itself (lazy-chunk.tsx).
  const [{ App }] = await Promise.all([import('./app/app'), pages?.fetch().catch(() => undefined)]);
  render(<App />, document.getElementById('app') as HTMLElement);
}

void start();
