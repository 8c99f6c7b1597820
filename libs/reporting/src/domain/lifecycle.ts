import { DomainError, ErrorCode } from '@gcm/platform';

export const CYCLE_STATUSES = ['scheduled', 'open', 'closed', 'compiled'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const UPDATE_EDITORIAL_STATUSES = ['draft', 'submitted', 'validated', 'returned'] as const;
export type UpdateEditorialStatus = (typeof UPDATE_EDITORIAL_STATUSES)[number];

export type CycleAction = 'open' | 'close' | 'compile';
export type UpdateAction = 'edit' | 'submit' | 'validate' | 'return';

const illegal = (message: string) => new DomainError(ErrorCode.InvalidState, message);

/** scheduled → open → closed → compiled; a closed cycle may be reopened for late corrections until it is compiled. */
export function nextCycleStatus(current: CycleStatus, action: CycleAction): CycleStatus {
  if (action === 'open' && (current === 'scheduled' || current === 'closed')) return 'open';
  if (action === 'close' && current === 'open') return 'closed';
  if (action === 'compile' && current === 'closed') return 'compiled';
  const verb = { open: 'opened', close: 'closed', compile: 'compiled' }[action];
  throw illegal(`A ${current} reporting cycle cannot be ${verb}`);
}

/** draft → submitted → validated, or submitted → returned → (edit) → submitted. A validated update is final. */
export function nextUpdateStatus(current: UpdateEditorialStatus, action: UpdateAction): UpdateEditorialStatus {
  switch (action) {
    case 'edit':
      if (current === 'draft' || current === 'returned') return current;
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
  }
}

/** Updates are written only while their cycle is open. */
export function assertCycleOpen(status: CycleStatus, code: string): void {
  if (status !== 'open') throw illegal(`Reporting cycle ${code} is ${status}: progress updates can be written only while it is open`);
}
