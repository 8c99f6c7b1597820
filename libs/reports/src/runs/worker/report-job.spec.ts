import { DelayedError, UnrecoverableError } from 'bullmq';
import { ReportInputError } from '../../model/report-kind.types';
import { runBuildJob, withoutOutage } from './report-job';

describe('a report job that waited out an outage', () => {
  it('drops the outage bookkeeping and keeps the origin of the request that queued it', () => {
    const origin = { correlationId: 'c-1', actorId: 'u-1', actorRole: 'secretariat', trace: { traceparent: '00-abc-def-01' } };
    const data = { runId: 'r-1', infraSince: 1_700_000_000_000, infraRetries: 3, _origin: origin };
    expect(withoutOutage(data)).toEqual({ runId: 'r-1', _origin: origin });
    expect(data.infraRetries).toBe(3);
  });
});

describe('a report job whose build failed while the database went away', () => {
  const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const job = () => {
    const moved: number[] = [];
    const j = {
      data: { runId: 'r-1' } as { runId: string; infraSince?: number; infraRetries?: number },
      attemptsMade: 0,
      opts: { attempts: 1 },
      updateProgress: async () => undefined,
      updateData: async (d: { runId: string }) => { j.data = d; },
      moveToDelayed: async (at: number) => { moved.push(at); },
    };
    return { j, moved };
  };
  const builds = (recordFailure: () => Promise<void>) => ({
    build: async () => { throw new ReportInputError('objective 99 is not in the catalogue'); },
    recordFailure,
    noteWaiting: async () => undefined,
  });

  it('waits the outage out when the failure cannot be recorded, so the run never stays running with its job gone', async () => {
    const { j, moved } = job();
    const b = builds(async () => { throw refused(); });
    await expect(runBuildJob(b as never, j as never, 'token', { infraRetryMs: 60_000 })).rejects.toBeInstanceOf(DelayedError);
    expect(moved).toHaveLength(1);
    expect(j.data).toMatchObject({ runId: 'r-1', infraRetries: 1 });
  });

  it('fails for good once the failure is recorded', async () => {
    const { j, moved } = job();
    const recorded: unknown[] = [];
    const b = builds(async () => { recorded.push('failed'); });
    await expect(runBuildJob(b as never, j as never, 'token', { infraRetryMs: 60_000 })).rejects.toBeInstanceOf(UnrecoverableError);
    expect(recorded).toEqual(['failed']);
    expect(moved).toEqual([]);
  });
});
