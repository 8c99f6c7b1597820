export class TeamMember {
  id: string;
  name: string;
  email: string;
  active: boolean;
  isApprover: boolean;
  /** Pledges this focal point is in charge of (handed over to them, or created by them and never handed over). */
  pledges: number;
}

export class HandoverPledge {
  id: string;
  reference: string;
  title: string | null;
}

/** What a handover from one focal point would move, before it is confirmed. */
export class HandoverPreview {
  fromUserId: string;
  pledges: HandoverPledge[];
}

/** One past handover, from the audit log (the history is never rewritten). */
export class HandoverRecord {
  at: Date;
  fromUserId: string;
  fromName: string | null;
  toUserId: string;
  toName: string | null;
  /** Who did it (the secretariat or the approver). */
  byName: string | null;
  pledges: string[];
}

export class TeamView {
  organisationId: string;
  organisation: string;
  approverId: string | null;
  members: TeamMember[];
  /** The organisation's handovers, newest first. */
  handovers: HandoverRecord[];
}

export class HandoverView {
  fromUserId: string;
  toUserId: string;
  /** References of the pledges now in the new focal point's charge. */
  pledges: string[];
  sessionsRevoked: number;
  /** The departing focal point was the organisation's approver, and the organisation now has none. */
  approverCleared: boolean;
  team: TeamView;
}
