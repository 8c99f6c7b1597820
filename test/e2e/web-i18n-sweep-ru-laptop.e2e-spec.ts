import { describeLanguageSweep } from '../helpers/i18n-sweep';
import { LAPTOP } from '../helpers/page-audit';

/** Every public page and workspace screen in ru at the laptop's width: see describeLanguageSweep (one file per language and width, so each stays short). */
describeLanguageSweep('ru', LAPTOP);
