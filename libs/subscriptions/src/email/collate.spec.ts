import { catalogueGaps } from '@gcm/platform';
import type { Publication } from '../publications.service';
import { collate, collatedMail, topicLabel } from './collate';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages';
import { subscriberOfToken, unsubscribeToken } from './unsubscribe-token';

const pub = (id: string, over: Partial<Publication> = {}): Publication => ({
  id, kind: 'pledge.published', occurredAt: '2026-12-01T10:00:00.000Z', title: `Pledge ${id}`, path: `/pledges/P-${id}`,
  summary: '', pledgeReference: `P-${id}`, cycle: null, countries: [], objectives: [], themes: [], ...over,
});

describe('the daily subscription mail', () => {
  it('has every message in the six languages with the English placeholders', () => {
    expect(catalogueGaps(SUBSCRIPTION_MESSAGES)).toEqual([]);
  });

  it('lists each matching publication once, under the first topic it matches, and leaves out topics with nothing new', () => {
    const pubs = [pub('1', { countries: ['KEN'], objectives: [5] }), pub('2', { objectives: [5] }), pub('3', { countries: ['PRT'] }), pub('4', { themes: [2] })];
    const sections = collate([{ topic: 'country', key: 'KEN' }, { topic: 'objective', key: '5' }, { topic: 'theme', key: '7' }], pubs);
    expect(sections.map((s) => [s.topic.key, s.publications.map((p) => p.id)])).toEqual([['KEN', ['1']], ['5', ['2']]]);
  });

  it('is one message with every item, the unsubscribe link and a counted subject; nothing at all when nothing matched', () => {
    const sections = collate([{ topic: 'country', key: 'KEN', alpha2: 'KE' }], [pub('1', { countries: ['KEN'] }), pub('2', { countries: ['KEN'], kind: 'update.validated' })]);
    const mail = collatedMail(sections, [{ cycle: '2026-H1', path: '/digests/2026-H1' }], 'en', { base: 'https://t.example', unsubscribe: 'https://t.example/u#token=x' });
    expect(mail?.subject).toBe('GCM Tracker: 3 new items for your subscriptions');
    expect(mail?.text).toContain('Country: Kenya\n- Pledge published: Pledge 1\n  https://t.example/pledges/P-1\n- Progress validated: Pledge 2');
    expect(mail?.text).toContain('The cycle digest\n- Cycle 2026-H1 is compiled: what moved in it\n  https://t.example/digests/2026-H1');
    expect(mail?.text).toContain('To stop all of them, open:\nhttps://t.example/u#token=x');
    expect(collatedMail([], [], 'en', { base: 'b', unsubscribe: 'u' })).toBeNull();
  });

  it('words the topic in the mail language, countries by their CLDR name', () => {
    expect(topicLabel({ topic: 'country', key: 'KEN', alpha2: 'KE' }, 'fr')).toBe('Pays : Kenya');
    expect(topicLabel({ topic: 'objective', key: '23' }, 'ar')).toBe('الهدف 23');
    expect(collatedMail(collate([{ topic: 'theme', key: '2' }], [pub('9', { themes: [2] })]), [], 'ru', { base: 'b', unsubscribe: 'u' })?.subject)
      .toBe('GCM Tracker: 1 новый материал по вашим подпискам');
  });
});

describe('the one-click unsubscribe token', () => {
  const id = '6f1c2a4e-0d6b-4c53-9a51-2f0c6e4b8a10';
  it('names its subscriber under the secret it was made with, and nothing under another or when altered', () => {
    const token = unsubscribeToken('s'.repeat(32), id);
    expect(subscriberOfToken('s'.repeat(32), token)).toBe(id);
    expect(subscriberOfToken('t'.repeat(32), token)).toBeNull();
    expect(subscriberOfToken('s'.repeat(32), token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(subscriberOfToken('s'.repeat(32), 'nonsense')).toBeNull();
  });
});
