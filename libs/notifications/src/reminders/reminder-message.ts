import type { ReminderStep } from '../entities/notification.entity';

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
 * Subject and plain-text body of one focal point's reminder for one cycle and step. With `links`, each pledge gets
 * its "No change since last cycle — confirm" and "Update this pledge" links: the e-mail itself is the reporting tool.
 */
export function reminderMessage(
  g: ReminderGroup, publicUrl: string, links?: Map<string, ReminderPledgeLinks>,
): { subject: string; body: string } {
  const n = g.pledges.length;
  const what = n === 1 ? 'a pledge of your organisation has' : `${n} pledges of your organisation have`;
  const subject = g.step === 'overdue'
    ? `Overdue: progress updates for ${g.cycleCode} (deadline ${g.deadline})`
    : `Reminder: progress updates for ${g.cycleCode} are due by ${g.deadline}`;
  const lead = g.step === 'overdue'
    ? `The deadline of ${g.deadline} for the ${g.cycleCode} reporting cycle has passed and ${what} no submitted progress update. Late updates are still accepted until the cycle closes, and are flagged as late.`
    : `The ${g.cycleCode} reporting cycle closes for on-time submissions on ${g.deadline} (${g.step === 't7' ? 'in a week or less' : 'in about a month'}), and ${what} no submitted progress update yet.`;
  const list = g.pledges.map((p) => {
    const line = `- ${p.reference}${p.title ? `: ${p.title}` : ''}`;
    const l = links?.get(p.id);
    return l ? `${line}\n  No change since last cycle — confirm: ${l.noChange}\n  Update this pledge: ${l.update}` : line;
  }).join('\n');
  const expiry = links?.size ? '\n\nEach link works once, for you only, for a limited time. Or submit the updates in your workspace' : '\n\nSubmit the updates in your workspace';
  return { subject, body: `${lead}\n\n${list}${expiry}: ${publicUrl}\n` };
}
