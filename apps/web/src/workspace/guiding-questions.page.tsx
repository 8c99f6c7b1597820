import { useState } from 'preact/hooks';
import { frameworkApi, type GuidingQuestions } from '../api/framework-api';
import type { RoundTableView } from '../api/models';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { ErrorSummary, SelectField, SubmitButton, TextArea } from '../forms/fields';
import { describeError, useForm } from '../forms/use-form';
import { t } from '../i18n';

const crumbs = [{ href: '/workspace/framework', label: t.ws.nav.framework }];
const MAX = 1000;

async function load(code: string) {
  const [roundTable, questions] = await Promise.all([frameworkApi.roundTable(code), frameworkApi.guidingQuestions(code)]);
  return { roundTable, questions };
}

/** The secretariat's editor for one round table's guiding questions: by objective, with add, edit, reorder and remove. */
export function GuidingQuestionsPage({ params }: RouteProps) {
  const state = useData(() => load(params.code), [params.code]);
  return (
    <DataView state={state}>
      {(d) => <Editor roundTable={d.roundTable} initial={d.questions} />}
    </DataView>
  );
}

function Editor({ roundTable, initial }: { roundTable: RoundTableView; initial: GuidingQuestions }) {
  const [data, setData] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const run = async (work: () => Promise<GuidingQuestions>, done: string): Promise<boolean> => {
    setProblem(null);
    try {
      setData(await work());
      setStatus(done);
      return true;
    } catch (err) {
      setProblem(describeError(err));
      return false;
    }
  };
  const code = roundTable.code;
  return (
    <>
      <PageHeader title={t.ws.gq.title(code)} crumbs={crumbs} lead={t.ws.gq.lead} />
      <p class="muted">{t.ws.fw.version(data.frameworkVersion)}</p>
      {problem && <p class="alert alert--error" role="alert">{problem}</p>}
      <p class="visually-hidden" role="status">{status}</p>
      {roundTable.objectives.map((o) => {
        const qs = data.questions.filter((q) => q.objective === o.number);
        const ids = qs.map((q) => q.id);
        const move = (i: number, by: number) => {
          const next = [...ids];
          [next[i], next[i + by]] = [next[i + by], next[i]];
          return run(() => frameworkApi.reorderGuidingQuestions(code, { objective: o.number, ids: next, frameworkVersion: data.frameworkVersion }), t.ws.gq.saved);
        };
        return (
          <section key={o.number} aria-labelledby={`gq-o${o.number}`} class="gq-objective">
            <h2 id={`gq-o${o.number}`}>{t.common.objective(o.number)}: {o.title}</h2>
            {qs.length === 0 ? <p class="muted">{t.ws.gq.none}</p> : (
              <ol class="list-editor__items">
                {qs.map((q, i) => (
                  <li key={q.id} class="list-editor__item">
                    <QuestionItem
                      text={q.text}
                      label={t.ws.gq.questionN(o.number, i + 1)}
                      onSave={(text) => run(() => frameworkApi.updateGuidingQuestion(code, q.id, { text, frameworkVersion: data.frameworkVersion }), t.ws.gq.saved)}
                    />
                    <div class="list-editor__tools">
                      <button type="button" class="button button--small button--secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                        {t.ws.common.moveUp}<span class="visually-hidden"> {t.ws.gq.questionN(o.number, i + 1)}</span>
                      </button>
                      <button type="button" class="button button--small button--secondary" disabled={i === qs.length - 1} onClick={() => move(i, 1)}>
                        {t.ws.common.moveDown}<span class="visually-hidden"> {t.ws.gq.questionN(o.number, i + 1)}</span>
                      </button>
                      <button type="button" class="button button--small button--secondary"
                        onClick={() => run(() => frameworkApi.removeGuidingQuestion(code, q.id, data.frameworkVersion), t.ws.gq.removed)}>
                        {t.ws.gq.remove}<span class="visually-hidden"> {t.ws.gq.questionN(o.number, i + 1)}</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      <AddForm key={data.frameworkVersion} roundTable={roundTable} version={data.frameworkVersion} onAdded={(next) => { setData(next); setStatus(t.ws.gq.saved); }} />
    </>
  );
}

function QuestionItem({ text, label, onSave }: { text: string; label: string; onSave: (text: string) => Promise<boolean> }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(text);
  if (!editing) {
    return (
      <p class="gq-question">
        {text}{' '}
        <button type="button" class="button button--small button--secondary" onClick={() => { setValue(text); setEditing(true); }}>
          {t.ws.common.edit}<span class="visually-hidden"> {label}</span>
        </button>
      </p>
    );
  }
  const id = `gq-edit-${label.replace(/\W+/g, '-')}`;
  return (
    <div class="field">
      <label class="field__label" for={id}>{label}</label>
      <textarea id={id} class="input" rows={3} maxLength={MAX} value={value} onInput={(e) => setValue((e.target as HTMLTextAreaElement).value)} />
      <div class="form__actions">
        <button type="button" class="button button--small" disabled={value.trim() === ''} onClick={async () => { if (await onSave(value.trim())) setEditing(false); }}>
          {t.ws.common.save}
        </button>
        <button type="button" class="button button--small button--secondary" onClick={() => setEditing(false)}>{t.ws.common.cancel}</button>
      </div>
    </div>
  );
}

function AddForm({ roundTable, version, onAdded }: { roundTable: RoundTableView; version: number; onAdded: (q: GuidingQuestions) => void }) {
  const form = useForm({ id: 'gq-add', initial: { objective: String(roundTable.objectives[0]?.number ?? ''), text: '' } });
  const submit = form.handle(async (v) => {
    onAdded(await frameworkApi.addGuidingQuestion(roundTable.code, { objective: Number(v.objective), text: v.text, frameworkVersion: version }));
  });
  return (
    <section aria-labelledby="gq-add-title">
      <h2 id="gq-add-title">{t.ws.gq.add}</h2>
      <p class="muted">{t.ws.gq.addLead}</p>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary form={form} labels={{ objective: t.ws.gq.objective, text: t.ws.gq.text }} />
        <SelectField form={form} name="objective" label={t.ws.gq.objective} required
          options={roundTable.objectives.map((o) => ({ value: String(o.number), label: `${t.common.objective(o.number)}: ${o.shortLabel}` }))} />
        <TextArea form={form} name="text" label={t.ws.gq.text} hint={t.ws.gq.textHint} rows={3} maxLength={MAX} required />
        <div class="form__actions">
          <SubmitButton form={form} label={t.ws.gq.add} />
        </div>
      </form>
    </section>
  );
}
