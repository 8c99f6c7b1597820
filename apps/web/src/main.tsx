import { render } from 'preact';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import './styles/fonts.css';
import './styles/main.css';
import './styles/dashboard.css';
import './styles/workspace.css';
import './styles/details.css';
import { App } from './app/app';
import { t } from './i18n';

document.documentElement.lang = t.lang;
render(<App />, document.getElementById('app') as HTMLElement);
