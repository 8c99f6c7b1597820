import { catalogueGaps, formatMessage } from '@gcm/platform';
import { MAIL_MESSAGES } from './mail-messages';

describe('accounts e-mail messages', () => {
  it('has every key in every language, with the English placeholders', () => {
    expect(catalogueGaps(MAIL_MESSAGES)).toEqual([]);
  });

  it('keeps the English wording the invitation always had', () => {
    const text = formatMessage(MAIL_MESSAGES, 'en', 'invite.body', {
      name: 'Ana', role: 'a focal point', organisation: 'Kenya', expires: '2026-12-08 10:00', link: 'https://x/y',
    });
    expect(text).toBe('Hello Ana,\n\nYou have been invited to GCM Tracker as a focal point for Kenya.\n'
      + 'Open this link to choose your password (it works once, until 2026-12-08 10:00 UTC):\n\nhttps://x/y\n');
    expect(formatMessage(MAIL_MESSAGES, 'en', 'invite.body', { name: 'Ana', role: 'an expert', organisation: 'none', expires: 'e', link: 'l' }))
      .toContain('as an expert.\n');
  });
});
