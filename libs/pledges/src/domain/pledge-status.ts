import { DomainError, ErrorCode } from '@gcm/platform';

export const PLEDGE_STATUSES = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const IMPLEMENTATION_STATUSES = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export type PledgeAction = 'edit' | 'submit' | 'publish' | 'return' | 'withdraw';

function illegal(message: string): DomainError {
  return new DomainError(ErrorCode.InvalidState, message);
}

/**
 * The editorial lifecycle. `status` describes the working copy: editing a
 * published pledge starts a revision (status back to `draft`) while the public
 * keeps the published version until the revision is published in turn.
 */
export function nextPledgeStatus(current: PledgeStatus, action: PledgeAction, everPublished: boolean): PledgeStatus {
  switch (action) {
    case 'edit':
      if (current === 'draft' || current === 'returned') return current;
      if (current === 'published') return 'draft';
      throw illegal(
        current === 'submitted'
          ? 'A submitted pledge cannot be edited until the secretariat publishes or returns it'
          : 'A withdrawn pledge cannot be edited',
      );
    case 'submit':
      if (current === 'draft' || current === 'returned') return 'submitted';
      throw illegal(`A ${current} pledge cannot be submitted; only a draft or returned pledge can`);
    case 'publish':
    case 'return':
      if (current === 'submitted') return action === 'publish' ? 'published' : 'returned';
      throw illegal(`Only a submitted pledge can be ${action === 'publish' ? 'published' : 'returned'}; this one is ${current}`);
    case 'withdraw':
      if (current === 'withdrawn') throw illegal('The pledge is already withdrawn');
      if (!everPublished) throw illegal('Only a published pledge can be withdrawn');
      return 'withdrawn';
  }
}
