import { useEffect, useState } from 'preact/hooks';
import type { PledgeQuery } from '../api/models';
import { t } from '../i18n';

export interface FilterOptions {
  objectives: { number: number; shortLabel: string }[];
  themes: { number: number; code: string; title: string }[];
  regions: { code: string; name: string }[];
}

interface SelectProps {
  id: string;
  label: string;
  any: string;
  value: string | number | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
}

function Select({ id, label, any, value, options, onChange }: SelectProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Full-text search plus six filters; a filter applies on change, the text on submit. */
export function PledgesFilters({ current, options, apply }: { current: PledgeQuery; options: FilterOptions; apply: (q: PledgeQuery) => void }) {
  const [text, setText] = useState(current.q ?? '');
  useEffect(() => setText(current.q ?? ''), [current.q]);
  const change = (patch: Partial<PledgeQuery>) => apply({ ...current, q: text.trim() || undefined, ...patch });
  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  return (
    <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), change({}))}>
      <div class="field field--grow">
        <label for="pledge-q">{t.pledges.searchLabel}</label>
        <div class="search-row">
          <input id="pledge-q" type="search" name="q" value={text} maxLength={200} aria-describedby="pledge-q-hint"
            onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button">
            {t.pledges.search}
          </button>
        </div>
        <p id="pledge-q-hint" class="hint">
          {t.pledges.searchHint}
        </p>
      </div>
      <Select id="pledge-objective" label={t.pledges.objective} any={t.pledges.anyObjective} value={current.objective}
        options={options.objectives.map((o) => [String(o.number), `${o.number}. ${o.shortLabel}`])} onChange={(v) => change({ objective: num(v) })} />
      <Select id="pledge-theme" label={t.pledges.theme} any={t.pledges.anyTheme} value={current.theme}
        options={options.themes.map((th) => [String(th.number), `${th.code} ${th.title}`])} onChange={(v) => change({ theme: num(v) })} />
      <Select id="pledge-region" label={t.pledges.region} any={t.pledges.anyRegion} value={current.region}
        options={options.regions.map((r) => [r.code, r.name])} onChange={(v) => change({ region: v })} />
      <Select id="pledge-kind" label={t.pledges.kind} any={t.pledges.anyKind} value={current.pledgerKind}
        options={Object.entries(t.kinds)} onChange={(v) => change({ pledgerKind: v as PledgeQuery['pledgerKind'] })} />
      <Select id="pledge-form" label={t.pledges.form} any={t.pledges.anyForm} value={current.form}
        options={Object.entries(t.forms)} onChange={(v) => change({ form: v as PledgeQuery['form'] })} />
      <Select id="pledge-status" label={t.pledges.status} any={t.pledges.anyStatus} value={current.status}
        options={Object.entries(t.status)} onChange={(v) => change({ status: v as PledgeQuery['status'] })} />
    </form>
  );
}
