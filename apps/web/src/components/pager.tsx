import { t } from '../i18n';

/** Previous/next links for an offset-paged list; the page lives in the URL (`?page=2`). */
export function Pager(props: { total: number; limit: number; offset: number; href: (page: number) => string }) {
  const page = Math.floor(props.offset / props.limit) + 1;
  const pages = Math.max(1, Math.ceil(props.total / props.limit));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.common.pagination}>
      {page > 1 && (
        <a rel="prev" href={props.href(page - 1)}>
          {t.common.previous}
        </a>
      )}
      <span>{t.common.pageOf(page, pages)}</span>
      {page < pages && (
        <a rel="next" href={props.href(page + 1)}>
          {t.common.next}
        </a>
      )}
    </nav>
  );
}

export function pageOffset(query: URLSearchParams, limit: number): number {
  const page = Math.max(1, Number(query.get('page')) || 1);
  return (page - 1) * limit;
}
