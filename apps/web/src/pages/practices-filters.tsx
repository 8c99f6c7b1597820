import { useEffect, useState } from 'preact/hooks';
import type { ObjectiveView, PracticeQuery, PracticeSession } from '../api/models';
import { t } from '../i18n';

interface Props {
  current: PracticeQuery;
  objectives: ObjectiveView[];
  sessions: PracticeSession[];
  apply: (next: PracticeQuery) => void;
}

/** Text search plus three filters; a filter applies on change, the text on submit. */
export function PracticesFilters({ current, objectives, sessions, apply }: Props) {
  const [text, setText] = useState(current.q ?? '');
  useEffect(() => setText(current.q ?? ''), [current.q]);
  const change = (patch: Partial<PracticeQuery>) => apply({ ...current, q: text.trim() || undefined, ...patch });
  return (
    <form
      class="filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        change({});
      }}
    >
      <div class="field field--grow">
        <label for="practice-q">{t.practices.searchLabel}</label>
        <div class="search-row">
          <input
            id="practice-q"
            type="search"
            name="q"
            value={text}
            maxLength={200}
            aria-describedby="practice-q-hint"
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t.practices.search}
          </button>
        </div>
        <p id="practice-q-hint" class="hint">
          {t.practices.searchHint}
        </p>
      </div>
      <div class="field">
        <label for="practice-objective">{t.practices.objective}</label>
        <select
          id="practice-objective"
          value={current.objective ?? ''}
          onChange={(e) => change({ objective: Number(e.currentTarget.value) || undefined })}
        >
          <option value="">{t.practices.anyObjective}</option>
          {objectives.map((o) => (
            <option key={o.number} value={o.number}>
              {o.number}. {o.shortLabel}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="practice-session">{t.practices.session}</label>
        <select
          id="practice-session"
          value={sessions.find((s) => String(s.number) === current.session)?.code ?? current.session ?? ''}
          onChange={(e) => change({ session: e.currentTarget.value || undefined })}
        >
          <option value="">{t.practices.anySession}</option>
          {sessions.map((s) => (
            <option key={s.number} value={s.code}>
              {s.code} {s.title}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="practice-brief">{t.practices.brieflyReferred}</label>
        <select
          id="practice-brief"
          value={current.brieflyReferred === undefined ? '' : String(current.brieflyReferred)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            change({ brieflyReferred: v === '' ? undefined : v === 'true' });
          }}
        >
          <option value="">{t.practices.anyPresentation}</option>
          <option value="false">{t.practices.fullCards}</option>
          <option value="true">{t.practices.briefOnly}</option>
        </select>
      </div>
    </form>
  );
}
