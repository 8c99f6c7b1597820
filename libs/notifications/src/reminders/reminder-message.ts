import { formatMessage, type Locale } from '@gcm/platform';
import type { ReminderStep } from '../entities/notification.entity';
import { REMINDER_MESSAGES, ReminderMessageKey } from '../i18n/reminder-messages';

export interface ReminderPledge {
  id: string;
  reference: string;
  title: string | null;
}

export interface ReminderGroup {
  userId: string;
  cycleId: string;
  cycleCode: string;
  deadline: string;
  step: ReminderStep;
  pledges: ReminderPledge[];
}

/** A pledge's two links in the e-mail (absent in the stored copy, which the workspace shows to a signed-in user). */
export interface ReminderPledgeLinks {
  noChange: string;
  update: string;
}

/**
 * Subject and plain-text body of one focal point's reminder for one cycle and step, in `lang` (the recipient's mail
 * language: their profile's, else their organisation's, else English). With `links`, each pledge gets
 * its "No change since last cycle — confirm" and "Update this pledge" links: the e-mail itself is the reporting tool.
 * Pledge references and titles are data, written as they were.
 */
export function reminderMessage(
  g: ReminderGroup, publicUrl: string, links?: Map<string, ReminderPledgeLinks>, lang: Locale = 'en',
): { subject: string; body: string } {
  const t = (key: ReminderMessageKey, values?: Record<string, unknown>) => formatMessage(REMINDER_MESSAGES, lang, key, values);
  const n = g.pledges.length;
  const deadline = lang === 'en' ? g.deadline : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${g.deadline}T00:00:00Z`));
  const values = { cycle: g.cycleCode, deadline, step: g.step, n, count: new Intl.NumberFormat(lang).format(n) };
  const subject = t(g.step === 'overdue' ? 'subject.overdue' : 'subject.due', values);
  const lead = t(g.step === 'overdue' ? 'lead.overdue' : 'lead.due', values);
  const list = g.pledges.map((p) => {
    const line = `- ${p.reference}${p.title ? `: ${p.title}` : ''}`;
    const l = links?.get(p.id);
    return l ? `${line}\n  ${t('link.noChange', { link: l.noChange })}\n  ${t('link.update', { link: l.update })}` : line;
  }).join('\n');
  const close = t(links?.size ? 'close.links' : 'close.plain', { url: publicUrl });
  return { subject, body: `${lead}\n\n${list}\n\n${close}\n` };
}
