import { options, type VNode } from 'preact';
import { SERVER_PATHS } from '../app/router';
import { t } from '.';
import { localePath, splitLocale } from './locale-path';

/**
 * Every in-app link (`<a href="/pledges">`) is written in the current
 * language (`/fr/pledges`) at render, so pages keep plain paths and a link
 * opened in a new tab, copied or crawled stays in its language. Links that name
 * their language (`hreflang`: the switcher) and server paths are left alone.
 */
export function localiseLinks(): void {
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (vnode.type === 'a') {
      const props = vnode.props as { href?: unknown; hreflang?: unknown; hrefLang?: unknown };
      const href = props.href;
      if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && props.hreflang === undefined && props.hrefLang === undefined) {
        const pathname = href.split(/[?#]/)[0];
        if (!SERVER_PATHS.test(pathname) && splitLocale(pathname).path === pathname) props.href = localePath(pathname, t.lang) + href.slice(pathname.length);
      }
    }
    previous?.(vnode);
  };
}
