import type { HeadlineStats, StatusStats } from '@gcm/dashboard';
import { digestChanges } from './cycle-digest.service';

const figures = (pledges: number, achieved: number, onTrack: number, reported: number) => ({
  headline: { cycle: null, pledges, pledgers: 2, statesPledging: 1, statesReporting: 1, reportingRate: 1, achieved, shareAchieved: null } as HeadlineStats,
  status: {
    cycle: null, total: pledges, reportedInCycle: reported,
    statuses: [{ status: 'on_track', pledges: onTrack }, { status: 'achieved', pledges: achieved }],
  } as StatusStats,
});

describe('what moved in a cycle', () => {
  it('puts each dashboard figure beside the previous cycle’s, with the difference', () => {
    const changes = digestChanges(figures(12, 3, 5, 8), figures(10, 1, 6, 4));
    expect(changes.find((c) => c.figure === 'pledges')).toEqual({ figure: 'pledges', value: 12, previous: 10, change: 2 });
    expect(changes.find((c) => c.figure === 'status.on_track')).toEqual({ figure: 'status.on_track', value: 5, previous: 6, change: -1 });
    expect(changes.find((c) => c.figure === 'reportedInCycle')).toEqual({ figure: 'reportedInCycle', value: 8, previous: 4, change: 4 });
  });

  it('has no previous figures for the first cycle', () => {
    expect(digestChanges(figures(3, 0, 1, 1), null).every((c) => c.previous === null && c.change === null)).toBe(true);
  });
});
