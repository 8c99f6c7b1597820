import { TableWrap } from '../../components/table-wrap';
import { t } from '../../i18n';
import type { DiffItem, ReadableChange } from './readable-diff';

function Item({ item }: { item: DiffItem }) {
  if (!item.mark) return <li class="diff__item">{item.text}</li>;
  const Mark = item.mark === 'added' ? 'ins' : 'del';
  return (
    <li class={`diff__item diff__item--${item.mark}`}>
      <Mark>{item.text}</Mark> <span class={`tag tag--${item.mark}`}>{t.review[item.mark]}</span>
    </li>
  );
}

function Side({ value, side }: { value: ReadableChange['before']; side: 'before' | 'after' }) {
  if (typeof value !== 'string') {
    return (
      <ul class="diff__items">
        {value.map((item, i) => (
          <Item key={i} item={item} />
        ))}
      </ul>
    );
  }
  return side === 'before' ? <del>{value}</del> : <ins>{value}</ins>;
}

/** What changed between two versions of a pledge, one readable row per field. */
export function DiffTable({ changes, from, to }: { changes: ReadableChange[]; from: number; to: number }) {
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">{t.review.diffTitle(from, to)}</h2>
      {changes.length === 0 ? (
        <p class="muted">{t.review.noChanges}</p>
      ) : (
        <TableWrap label={t.review.diffTitle(from, to)}>
          <table class="table table--compact diff">
            <thead>
              <tr>
                <th scope="col">{t.ws.audit.field}</th>
                <th scope="col">{t.review.versionCol(from)}</th>
                <th scope="col">{t.review.versionCol(to)}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td class="diff__before">
                    <Side value={c.before} side="before" />
                  </td>
                  <td class="diff__after">
                    <Side value={c.after} side="after" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
