import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

export interface Crumb {
  href: string;
  label: string;
}

/**
 * The page's one h1 (focused by the shell after navigation, hence tabindex -1),
 * the document title, and the breadcrumb trail.
 */
export function PageHeader(props: { title: string; kicker?: string; crumbs?: Crumb[]; lead?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} | ${t.site.titleSuffix}`;
  }, [props.title]);
  return (
    <header class="page-header">
      {props.crumbs && props.crumbs.length > 0 && (
        <nav aria-label={t.common.breadcrumb} class="breadcrumb">
          <ol>
            {props.crumbs.map((c) => (
              <li key={c.href}>
                <a href={c.href}>{c.label}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {props.kicker && <p class="kicker">{props.kicker}</p>}
      <h1 tabIndex={-1}>{props.title}</h1>
      {props.lead && <p class="lead">{props.lead}</p>}
    </header>
  );
}
