import type { ComponentChildren } from 'preact';

/** Wide tables scroll sideways on a phone; the region is focusable so keyboard users can scroll it too. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
