import { describeLanguageSweep } from '../helpers/i18n-sweep';
import { LAPTOP } from '../helpers/page-audit';

/** Every public page and workspace screen in es at 1366 px: see describeLanguageSweep (one file per language and width, so they run in parallel). */
describeLanguageSweep('es', LAPTOP);
