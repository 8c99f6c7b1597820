import { describeLanguageSweep } from '../helpers/i18n-sweep';
import { PHONE } from '../helpers/page-audit';

/** Every public page and workspace screen in ar at 390 px: see describeLanguageSweep (one file per language and width, so they run in parallel). */
describeLanguageSweep('ar', PHONE);
