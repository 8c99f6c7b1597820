import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * The one wrapper for every data table. A table wider than its column scrolls
 * inside this region, never the page: the region is labelled and focusable, so
 * keyboard users can scroll it with the arrow keys (axe scrollable-region-focusable);
 * shadows at the edge that hides columns (CSS, either direction, so RTL too) and a
 * hint shown only while it overflows tell a phone user there is more to the side.
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  const region = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const hint = useId();
  useEffect(() => {
    const el = region.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div class="table-scroll">
      {overflows && (
        <p class="table-scroll__hint" id={hint}>
          {t.common.scrollSideways}
        </p>
      )}
      <div
        ref={region}
        class={`table-wrap${overflows ? ' table-wrap--overflows' : ''}`}
        role="region"
        aria-label={label}
        aria-describedby={overflows ? hint : undefined}
        tabIndex={0}
      >
        {children}
      </div>
    </div>
  );
}
