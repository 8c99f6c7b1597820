import { formatMessage, type Locale } from '@gcm/platform';
import type { Publication } from '../publications.service';
import { SUBSCRIPTION_MESSAGES, type SubscriptionMessageKey } from './subscription-messages';

export const SUBSCRIPTION_TOPICS = ['country', 'objective', 'theme', 'digest'] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

/** One confirmed topic of a subscriber: `key` is the alpha-3, the objective's or the theme's number, '' for the digest. */
export interface TopicRef {
  topic: SubscriptionTopic;
  key: string;
  /** A country's alpha-2, for its CLDR name. */
  alpha2?: string;
}

/** A compiled cycle whose digest a digest subscriber has not had yet. */
export interface DigestRef {
  cycle: string;
  path: string;
}

export interface CollatedSection {
  topic: TopicRef;
  publications: Publication[];
}

export function matchesTopic(p: Publication, t: TopicRef): boolean {
  switch (t.topic) {
    case 'country': return p.countries.includes(t.key);
    case 'objective': return p.objectives.includes(Number(t.key));
    case 'theme': return p.themes.includes(Number(t.key));
    case 'digest': return false;
  }
}

/**
 * The publications a subscriber's mail covers, one section per topic in the
 * order given; a publication matching several topics is listed once, under the
 * first. Topics with nothing new are left out.
 */
export function collate(topics: readonly TopicRef[], publications: readonly Publication[]): CollatedSection[] {
  const seen = new Set<string>();
  const sections: CollatedSection[] = [];
  for (const topic of topics) {
    const mine = publications.filter((p) => !seen.has(p.id) && matchesTopic(p, topic));
    mine.forEach((p) => seen.add(p.id));
    if (mine.length) sections.push({ topic, publications: mine });
  }
  return sections;
}

/** The words of a topic in the mail's language: CLDR's name of a country, the number of an objective or theme. */
export function topicLabel(t: TopicRef, lang: Locale): string {
  switch (t.topic) {
    case 'country': {
      const name = t.alpha2 ? new Intl.DisplayNames([lang], { type: 'region' }).of(t.alpha2) : undefined;
      return formatMessage(SUBSCRIPTION_MESSAGES, lang, 'topic.country', { name: name ?? t.key });
    }
    case 'objective': return formatMessage(SUBSCRIPTION_MESSAGES, lang, 'topic.objective', { number: Number(t.key) });
    case 'theme': return formatMessage(SUBSCRIPTION_MESSAGES, lang, 'topic.theme', { number: Number(t.key) });
    case 'digest': return formatMessage(SUBSCRIPTION_MESSAGES, lang, 'topic.digest');
  }
}

export interface CollatedMail {
  subject: string;
  text: string;
  /** Items in the mail: publications (each once) plus digests. */
  count: number;
}

/** The one daily message of a subscriber, or null when nothing matched (then nothing is sent). */
export function collatedMail(
  sections: readonly CollatedSection[], digests: readonly DigestRef[], lang: Locale,
  links: { base: string; unsubscribe: string },
): CollatedMail | null {
  const count = sections.reduce((n, s) => n + s.publications.length, 0) + digests.length;
  if (count === 0) return null;
  const f = (key: SubscriptionMessageKey, args?: Record<string, unknown>) =>
    formatMessage(SUBSCRIPTION_MESSAGES, lang, key, args);
  const blocks: string[] = [f('daily.intro')];
  if (digests.length) {
    blocks.push([topicLabel({ topic: 'digest', key: '' }, lang),
      ...digests.map((d) => `- ${f('digest.line', { cycle: d.cycle })}\n  ${links.base}${d.path}`)].join('\n'));
  }
  for (const s of sections) {
    blocks.push([topicLabel(s.topic, lang),
      ...s.publications.map((p) => `- ${f(`kind.${p.kind}`, { title: p.title })}\n  ${links.base}${p.path}`)].join('\n'));
  }
  blocks.push(f('footer', { link: links.unsubscribe }));
  return { subject: f('daily.subject', { count }), text: `${blocks.join('\n\n')}\n`, count };
}
