export class TeamMember {
  id: string;
  name: string;
  email: string;
  active: boolean;
  isApprover: boolean;
  /** Pledges this focal point is in charge of (handed over to them, or created by them and never handed over). */
  pledges: number;
}

export class TeamView {
  organisationId: string;
  organisation: string;
  approverId: string | null;
  members: TeamMember[];
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
