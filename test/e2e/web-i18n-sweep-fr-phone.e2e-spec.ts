import { describeLanguageSweep } from '../helpers/i18n-sweep';
import { PHONE } from '../helpers/page-audit';

/** Every public page and workspace screen in fr at the phone's width: see describeLanguageSweep (one file per language and width, so each stays short). */
describeLanguageSweep('fr', PHONE);
