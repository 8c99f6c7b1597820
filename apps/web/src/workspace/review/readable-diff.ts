import type { FieldChange } from '../../api/models';
import { formatDate, formatNumber } from '../../components/format';
import { t } from '../../i18n';
import type { Catalogue } from '../pledges/catalogue';
import { PLEDGE_LABELS } from '../pledges/pledge-labels';

/** One item of a list value; `mark` says whether it is new in, or gone from, the other version. */
export interface DiffItem {
  text: string;
  mark?: 'added' | 'removed';
}

/** One row a reviewer reads: a field's label, and each side as a text or a list of items. */
export interface ReadableChange {
  key: string;
  label: string;
  before: DiffItem[] | string;
  after: DiffItem[] | string;
}

const R = () => t.review;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INDICATOR = /^indicators\[([^\]]+)\]\.(.+)$/;

type Named = (v: unknown) => string;

/** Names for the items of each list field, from the framework catalogue and the organisation list. */
function itemNamers(c: Catalogue): Record<string, Named> {
  const find = <T>(list: T[], match: (x: T) => boolean) => list.find(match);
  const option = (list: { value: string; label: string }[]) => (v: unknown) => find(list, (o) => o.value === v)?.label ?? String(v);
  return {
    'alignment.objectives': (v) => {
      const o = v as { number: number; primary?: boolean };
      const title = find(c.objectives, (x) => x.number === o.number)?.title;
      return `${t.common.objective(o.number)}${title ? `: ${title}` : ''}${o.primary ? ` (${t.common.primary})` : ''}`;
    },
    'alignment.themes': (v) => {
      const th = v as { number: number; primary?: boolean };
      const theme = find(c.themes, (x) => x.number === th.number);
      return `${theme ? `${theme.code}: ${theme.title}` : `T${th.number}`}${th.primary ? ` (${t.common.primary})` : ''}`;
    },
    'alignment.principles': (v) => {
      const p = find(c.principles, (x) => x.key === v);
      return p ? `(${p.key}) ${p.name}` : String(v);
    },
    'alignment.recommendations': (v) => {
      const r = find(c.recommendations, (x) => x.paragraph === v);
      return `${t.common.paragraph(Number(v))}${r ? `: ${r.shortTitle}` : ''}`;
    },
    'alignment.commitments': (v) => {
      const text = c.themes.flatMap((th) => th.commitments).find((x) => x.code === v)?.text;
      return text ? `${String(v)}: ${text}` : String(v);
    },
    'scope.countries': option(c.countries),
    'scope.regions': option(c.regions),
    partners: (v) => {
      const p = v as { organisationId: string | null; name: string | null };
      return (p.organisationId && option(c.organisations)(p.organisationId)) || p.name || '—';
    },
  };
}

/** A single value as a person writes it: dates and numbers formatted, codes named, nothing as JSON. */
function scalar(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? R().yes : R().no;
  if (typeof v === 'number') return formatNumber(v);
  if (field === 'form') return t.pledgeEdit.forms[v as keyof typeof t.pledgeEdit.forms] ?? String(v);
  if (field.endsWith('direction')) return t.pledgeEdit.directions[v as keyof typeof t.pledgeEdit.directions] ?? String(v);
  if (typeof v === 'string') return DATE.test(v) ? formatDate(v) : v;
  if (field === 'budget') {
    const b = v as { amount: number; currency: string };
    return `${formatNumber(b.amount)} ${b.currency}`;
  }
  if (field === 'contact') {
    const c = v as { name?: string | null; email?: string | null };
    return [c.name, c.email].filter(Boolean).join(', ') || '—';
  }
  return Object.values(v as Record<string, unknown>).map((x) => scalar('', x)).join(', ');
}

/** Both sides of a list, each item marked when the other side lacks it. */
function lists(before: unknown[], after: unknown[], name: Named): { before: DiffItem[]; after: DiffItem[] } {
  const key = (x: unknown) => JSON.stringify(x);
  const inBefore = new Set(before.map(key));
  const inAfter = new Set(after.map(key));
  return {
    before: before.map((x) => (inAfter.has(key(x)) ? { text: name(x) } : { text: name(x), mark: 'removed' })),
    after: after.map((x) => (inBefore.has(key(x)) ? { text: name(x) } : { text: name(x), mark: 'added' })),
  };
}

/** The label of an indicator's sub-field, e.g. `target.value` → "Target value". */
const indicatorFieldLabel = (sub: string) => PLEDGE_LABELS(`indicators.0.${sub}`).replace(/^[^:]+:\s*/, '');

/**
 * The API's path-level changes (`indicators[<id>].target.value`, `scope.countries`)
 * as a reviewer reads them: field labels, indicator names, named countries and
 * objectives, formatted values, list items marked added or removed, and an
 * indicator that appears or disappears as one row rather than one per sub-field.
 */
export function readableChanges(changes: FieldChange[], catalogue: Catalogue, indicators: { id: string; name: string }[] = []): ReadableChange[] {
  const namers = itemNamers(catalogue);
  const indicatorName = new Map<string, string>(indicators.map((i) => [i.id, i.name]));
  const indicatorRows = new Map<string, FieldChange[]>();
  for (const c of changes) {
    const m = INDICATOR.exec(c.field);
    if (!m) continue;
    indicatorRows.set(m[1], [...(indicatorRows.get(m[1]) ?? []), c]);
    if (m[2] === 'name' && !indicatorName.has(m[1])) indicatorName.set(m[1], String(c.after ?? c.before));
  }
  const out: ReadableChange[] = [];
  const done = new Set<string>();
  for (const c of changes) {
    const m = INDICATOR.exec(c.field);
    if (m) {
      if (done.has(m[1])) continue;
      const rows = indicatorRows.get(m[1]) ?? [];
      const name = indicatorName.get(m[1]) ?? t.pledgeEdit.indicatorName;
      const whole = (side: 'before' | 'after') => rows.every((r) => r[side] === null) ? null : summary(rows, side);
      if (whole('before') === null || whole('after') === null) {
        done.add(m[1]);
        const added = whole('before') === null;
        out.push({
          key: c.field,
          label: added ? R().indicatorAdded(name) : R().indicatorRemoved(name),
          before: added ? '—' : [{ text: whole('before') as string, mark: 'removed' }],
          after: added ? [{ text: whole('after') as string, mark: 'added' }] : '—',
        });
        continue;
      }
      const label = R().indicatorField(name, indicatorFieldLabel(m[2]));
      out.push({ key: c.field, label, before: scalar(m[2], c.before), after: scalar(m[2], c.after) });
      continue;
    }
    const label = c.field === 'alignment.themesOverridden' ? R().themesChosenByHand : c.field === 'contact' ? R().contactField : PLEDGE_LABELS(c.field);
    const name = namers[c.field];
    if (Array.isArray(c.before) || Array.isArray(c.after)) {
      const sides = lists(Array.isArray(c.before) ? c.before : [], Array.isArray(c.after) ? c.after : [], name ?? ((v) => scalar(c.field, v)));
      out.push({ key: c.field, label, before: sides.before.length ? sides.before : '—', after: sides.after.length ? sides.after : '—' });
    } else {
      out.push({ key: c.field, label, before: scalar(c.field, c.before), after: scalar(c.field, c.after) });
    }
  }
  return out;
}

/** An indicator on one side in one line: "100 → 500 people by 31 Dec 2027". */
function summary(rows: FieldChange[], side: 'before' | 'after'): string {
  const get = (sub: string) => rows.find((r) => r.field.endsWith(`].${sub}`))?.[side];
  const name = get('name');
  const facts = R().indicatorSummary(scalar('', get('baseline.value')), scalar('', get('target.value')), String(get('unit') ?? ''), scalar('', get('target.date')));
  return name ? `${String(name)}: ${facts}` : facts;
}
