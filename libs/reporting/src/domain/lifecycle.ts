import { DomainError, ErrorCode } from '@gcm/platform';

export const CYCLE_STATUSES = ['scheduled', 'open', 'closed', 'compiled', 'compiled_with_failures'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const UPDATE_EDITORIAL_STATUSES = ['draft', 'awaiting_approval', 'submitted', 'validated', 'returned'] as const;
export type UpdateEditorialStatus = (typeof UPDATE_EDITORIAL_STATUSES)[number];

/** compile: every report of the cycle completed; compile_with_failures: the summary ran but some reports failed. */
export type CycleAction = 'open' | 'close' | 'compile' | 'compile_with_failures';
export type UpdateAction = 'edit' | 'submit' | 'validate' | 'return' | 'approve' | 'send_back';

const illegal = (message: string) => new DomainError(ErrorCode.InvalidState, message);

/**
 * scheduled → open → closed → compiled; a closed cycle may be reopened for
 * late corrections until it is compiled. A compilation with failed reports
 * leaves it compiled_with_failures, from which retrying them compiles it
 * (or leaves it so, if some fail again).
 */
export function nextCycleStatus(current: CycleStatus, action: CycleAction): CycleStatus {
  if (action === 'open' && (current === 'scheduled' || current === 'closed')) return 'open';
  if (action === 'close' && current === 'open') return 'closed';
  const compilable = current === 'closed' || current === 'compiled_with_failures';
  if (action === 'compile' && compilable) return 'compiled';
  if (action === 'compile_with_failures' && compilable) return 'compiled_with_failures';
  const verb = { open: 'opened', close: 'closed', compile: 'compiled', compile_with_failures: 'compiled with failures' }[action];
  throw illegal(`A ${current} reporting cycle cannot be ${verb}`);
}

/**
 * draft → submitted → validated, or submitted → returned → (edit) → submitted. A validated update is final.
 * With an in-country approver: draft → awaiting_approval → (approve) submitted, or (send back) returned; an
 * update awaiting approval has not reached the secretariat (the cycle population does not count it).
 */
export function nextUpdateStatus(current: UpdateEditorialStatus, action: UpdateAction): UpdateEditorialStatus {
  switch (action) {
    case 'edit':
      if (current === 'draft' || current === 'returned') return current;
      if (current === 'awaiting_approval') throw illegal("This progress update awaits the organisation's approver and cannot be edited until approved or sent back");
      throw illegal(
        current === 'submitted'
          ? 'A submitted progress update cannot be edited until the secretariat validates or returns it'
          : 'A validated progress update is final and cannot be edited',
      );
    case 'submit':
      if (current === 'draft' || current === 'returned') return 'submitted';
      throw illegal(`A ${current} progress update cannot be submitted`);
    case 'validate':
    case 'return':
      if (current === 'submitted') return action === 'validate' ? 'validated' : 'returned';
      throw illegal(`Only a submitted progress update can be ${action === 'validate' ? 'validated' : 'returned'}; this one is ${current}`);
    case 'approve':
    case 'send_back':
      if (current === 'awaiting_approval') return action === 'approve' ? 'submitted' : 'returned';
      throw illegal(`Only a progress update awaiting approval can be ${action === 'approve' ? 'approved' : 'sent back'}; this one is ${current}`);
  }
}

/** Updates are written only while their cycle is open. */
export function assertCycleOpen(status: CycleStatus, code: string): void {
  if (status !== 'open') throw illegal(`Reporting cycle ${code} is ${status}: progress updates can be written only while it is open`);
}
