import { t } from '../i18n';

/**
 * Said once under catalogue texts when any of them is an unofficial
 * translation (the API's `<field>Source`), as the issue asks: shipped
 * translations are labelled so until the secretariat loads the UN's own text.
 */
export function UnofficialNote({ sources }: { sources: (string | undefined)[] }) {
  return sources.includes('unofficial') ? <p class="source">{t.common.unofficialTranslation}</p> : null;
}
