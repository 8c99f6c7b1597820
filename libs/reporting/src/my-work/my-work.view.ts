/** GET /my/work (read by the Swagger plugin). */

export class OpenCycleWork {
  code: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  /** Negative once the deadline has passed. */
  daysLeft: number;
  overdue: boolean;
  /** The organisation's published pledges that owe an update in the cycle. */
  pledges: number;
  /** Of those, updates still missing, in draft or returned. */
  outstanding: number;
}

export class DueUpdate {
  cycle: string;
  pledgeId: string;
  reference: string;
  title: string;
  updateId: string | null;
  state: 'missing' | 'draft' | 'awaiting_approval' | 'submitted' | 'returned' | 'validated';
  isLate: boolean;
  version: number | null;
  submittedAt: Date | null;
  overdue: boolean;
}

export class ReturnedPledge {
  id: string;
  reference: string;
  title: string | null;
  version: number;
  comment: string | null;
  returnedAt: Date;
}

export class ReturnedUpdate {
  id: string;
  cycle: string;
  pledgeId: string;
  reference: string;
  version: number;
  comment: string | null;
  returnedAt: Date;
}

export class ReturnedWork {
  pledges: ReturnedPledge[];
  updates: ReturnedUpdate[];
}

export class MyWorkView {
  organisationId: string;
  /** YYYY-MM-DD the figures are computed for. */
  today: string;
  openCycles: OpenCycleWork[];
  due: DueUpdate[];
  returned: ReturnedWork;
}
