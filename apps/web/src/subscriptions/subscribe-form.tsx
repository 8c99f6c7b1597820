import { useState } from 'preact/hooks';
import { subscriptionsApi, type SubscribeBody } from '../api/subscriptions-api';
import { ErrorSummary, SelectField, SubmitButton, TextField, type Option } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { LANGUAGE_NAMES, LOCALES, t } from '../i18n';

type Topic = SubscribeBody['topic'];
const m = () => t.subscriptions;

interface Values {
  email: string;
  language: string;
  topic: Topic;
  key: string;
}

/**
 * The subscribe form: on a country, objective or theme page the topic is fixed
 * (`topic` and `topicKey` given); on /subscriptions the visitor chooses it.
 * The answer is the same whatever the address, so the page says "check your inbox".
 */
export function SubscribeForm(props: { topic?: Topic; topicKey?: string; keyOptions?: Partial<Record<Topic, Option[]>>; id?: string }) {
  const id = props.id ?? 'subscribe';
  const [sent, setSent] = useState(false);
  const form = useForm<Values>({
    id,
    initial: { email: '', language: t.lang, topic: props.topic ?? 'country', key: props.topicKey ?? '' },
  });
  const v = form.values;
  const submit = form.handle(async (values) => {
    const body: SubscribeBody = { email: values.email, language: values.language as SubscribeBody['language'], topic: values.topic };
    if (values.topic !== 'digest') body.key = values.key;
    await subscriptionsApi.subscribe(body);
    setSent(true);
  });
  const labels = { email: m().email, language: m().language, topic: m().topic, key: m()[v.topic === 'digest' ? 'topic' : v.topic] };
  if (sent) {
    return <div class="notice notice--success" role="status"><p>{m().sent}</p></div>;
  }
  const topics: Option[] = (['country', 'objective', 'theme', 'digest'] as const).map((x) => ({ value: x, label: m().topics[x] }));
  const keyOptions = props.keyOptions?.[v.topic];
  return (
    <form class="form form--narrow" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <ErrorSummary form={form} labels={labels} />
      <TextField form={form} name="email" label={m().email} type="email" autoComplete="email" required />
      <SelectField form={form} name="language" label={m().language} options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} required />
      {!props.topic && (
        <SelectField form={form} name="topic" label={m().topic} options={topics} required onChange={() => form.set('key', '')} />
      )}
      {!props.topic && v.topic !== 'digest' && keyOptions && (
        <SelectField form={form} name="key" label={labels.key} options={keyOptions} placeholder={m().choose} required />
      )}
      <div class="form__actions">
        <SubmitButton form={form} label={m().submit} />
      </div>
    </form>
  );
}

/** The form as a section of a public page (country, objective, theme). */
export function SubscribeSection(props: { topic: Topic; topicKey: string }) {
  return (
    <section aria-labelledby="subscribe-title" class="subscribe">
      <h2 id="subscribe-title">{m().formTitle}</h2>
      <p class="muted">{m().formLead}</p>
      <SubscribeForm topic={props.topic} topicKey={props.topicKey} />
    </section>
  );
}
