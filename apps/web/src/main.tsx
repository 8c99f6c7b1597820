import { render } from 'preact';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import './styles/fonts.css';
import './styles/main.css';
import './styles/dashboard.css';
import './styles/workspace.css';
import './styles/details.css';
import { localeDirection } from './i18n';
import { localiseLinks } from './i18n/links';
import { loadLocale } from './i18n/load';
import { splitLocale } from './i18n/locale-path';

/**
 * The language comes from the address; its catalogue is loaded before the app's
 * modules run, so every message they keep (navigation labels, breadcrumbs) is in it.
 */
async function start(): Promise<void> {
  const { locale } = splitLocale(window.location.pathname);
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
  await loadLocale(locale);
  localiseLinks();
  const { App } = await import('./app/app');
  render(<App />, document.getElementById('app') as HTMLElement);
}

void start();
