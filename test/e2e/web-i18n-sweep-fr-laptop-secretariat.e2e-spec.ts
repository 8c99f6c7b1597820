import { describeLanguageSweep } from '../helpers/i18n-sweep';
import { LAPTOP } from '../helpers/page-audit';

/** The secretariat pages in fr at the laptop's width: see describeLanguageSweep (one file per language, width and part, so each stays short). */
describeLanguageSweep('fr', LAPTOP, 'secretariat');
