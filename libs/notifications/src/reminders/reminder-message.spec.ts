import { reminderMessage } from './reminder-message';

const group = { userId: 'u', cycleId: 'c', cycleCode: '2026-H1', deadline: '2026-08-14', pledges: [
  { id: 'p1', reference: 'GCM-P-2026-00001', title: 'Search and rescue coordination' },
  { id: 'p2', reference: 'GCM-P-2026-00002', title: null },
] };

describe('reminderMessage', () => {
  it('names the cycle, the deadline and every pledge, with a link to the workspace', () => {
    const m = reminderMessage({ ...group, step: 't30' }, 'https://gcm.example.org');
    expect(m.subject).toBe('Reminder: progress updates for 2026-H1 are due by 2026-08-14');
    expect(m.body).toContain('2 pledges of your organisation have no submitted progress update yet');
    expect(m.body).toContain('- GCM-P-2026-00001: Search and rescue coordination\n- GCM-P-2026-00002\n');
    expect(m.body).toContain('https://gcm.example.org');
  });

  it('says a week or less at T−7 and that late updates are still accepted once overdue', () => {
    expect(reminderMessage({ ...group, step: 't7' }, 'x').body).toContain('in a week or less');
    const overdue = reminderMessage({ ...group, step: 'overdue', pledges: group.pledges.slice(0, 1) }, 'x');
    expect(overdue.subject).toBe('Overdue: progress updates for 2026-H1 (deadline 2026-08-14)');
    expect(overdue.body).toContain('a pledge of your organisation has no submitted progress update');
    expect(overdue.body).toContain('Late updates are still accepted until the cycle closes');
  });
});
