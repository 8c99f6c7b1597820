import { describeLanguageSweep } from '../helpers/i18n-sweep';
import { PHONE } from '../helpers/page-audit';

/** The secretariat pages in es at the phone's width: see describeLanguageSweep (one file per language, width and part, so each stays short). */
describeLanguageSweep('es', PHONE, 'secretariat');
