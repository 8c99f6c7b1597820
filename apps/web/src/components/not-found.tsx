import { t } from '../i18n';
import { PageHeader } from './page-header';

export function NotFound() {
  return (
    <>
      <PageHeader title={t.common.notFoundTitle} />
      <p>{t.common.notFoundText}</p>
      <p>
        <a href="/">{t.common.backHome}</a>
      </p>
    </>
  );
}
