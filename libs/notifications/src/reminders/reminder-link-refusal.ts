import { DomainError, ErrorCode } from '@gcm/platform';

export const LINK_REFUSALS = [
  'unknown', 'used', 'expired', 'deactivated', 'not_focal_point', 'pledge_changed', 'other_user', 'wrong_link',
  'cycle_closed', 'already_reported', 'nothing_to_reconfirm',
] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

/** What the person who followed the link reads: why it does not work and what to do instead. */
const REFUSAL: Record<LinkRefusal, [ErrorCode, (d: Record<string, string>) => string]> = {
  unknown: [ErrorCode.NotFound, () => 'This link is not valid. Copy the whole address from the e-mail, or sign in and report from your workspace.'],
  used: [ErrorCode.InvalidState, () => 'This link has already been used: each reminder link works once. Sign in to see the update in your workspace.'],
  expired: [ErrorCode.InvalidState, (d) => `This link expired on ${d.expiresAt}. Sign in and report from your workspace, or use the link of a newer reminder.`],
  deactivated: [ErrorCode.Forbidden, () => 'The account this link was sent to is deactivated. Ask the secretariat or another focal point of your organisation.'],
  not_focal_point: [ErrorCode.Forbidden, () => "The account this link was sent to is no longer a focal point of the pledge's organisation."],
  pledge_changed: [ErrorCode.InvalidState, () => 'The pledge has changed since this reminder was sent, so this link no longer applies. Sign in and review the pledge in your workspace.'],
  other_user: [ErrorCode.Forbidden, () => 'This link was sent to another person. Sign out and follow it signed in as its recipient, or use the link of your own reminder.'],
  wrong_link: [ErrorCode.InvalidState, (d) => `This is a link to ${d.action === 'update' ? 'update the pledge, not to confirm "no change"' : 'confirm "no change", not to open the form'}.`],
  cycle_closed: [ErrorCode.InvalidState, (d) => `Reporting cycle ${d.cycle} is ${d.cycleStatus}: updates can no longer be written. Ask the secretariat if you still need to report.`],
  already_reported: [ErrorCode.InvalidState, (d) => `This pledge already has its update for ${d.cycle} (${d.state}). Sign in to see it in your workspace.`],
  nothing_to_reconfirm: [ErrorCode.InvalidState, (d) => `There is no earlier submitted update of this pledge to reconfirm for ${d.cycle}. Use "Update this pledge" instead.`],
};

export function linkRefused(reason: LinkRefusal, detail: Record<string, string> = {}): DomainError {
  const [code, message] = REFUSAL[reason];
  return new DomainError(code, message(detail), { reason });
}
