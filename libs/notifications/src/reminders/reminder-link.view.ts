import type { ReminderLinkAction } from '../entities/reminder-link.entity';

export class ReminderLinkMeasurement {
  indicatorName: string;
  unit: string;
  value: number;
  asOf: string;
}

/** What "no change" would reconfirm: the latest submitted update of an earlier cycle. */
export class ReminderLinkPrevious {
  cycle: string;
  status: string;
  percentComplete: number;
  actionsTaken: string;
  measurements: ReminderLinkMeasurement[];
  evidence: number;
}

export class ReminderLinkPledge {
  id: string;
  reference: string;
  title: string | null;
}

export class ReminderLinkCycle {
  code: string;
  /** The deadline for the recipient's organisation (its extension's date when granted). */
  deadline: string;
}

export class ReminderLinkUpdate {
  id: string;
  editorialStatus: string;
}

export class ReminderLinkView {
  action: ReminderLinkAction;
  expiresAt: Date;
  /** The recipient's name, so the person sees whom the link acts for. */
  recipient: string;
  pledge: ReminderLinkPledge;
  cycle: ReminderLinkCycle;
  /** The pledge's update of this cycle, if one was started since the reminder. */
  existingUpdate: ReminderLinkUpdate | null;
  previous: ReminderLinkPrevious | null;
}

/** Where the link led: the update written ("no change") or the form to open ("update"). */
export class ReminderLinkResult {
  action: ReminderLinkAction;
  pledgeId: string;
  reference: string;
  cycle: string;
  updateId: string | null;
  editorialStatus: string | null;
}
