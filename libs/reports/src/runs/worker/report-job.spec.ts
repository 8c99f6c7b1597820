import { withoutOutage } from './report-job';

describe('a report job that waited out an outage', () => {
  it('drops the outage bookkeeping and keeps the origin of the request that queued it', () => {
    const origin = { correlationId: 'c-1', actorId: 'u-1', actorRole: 'secretariat', trace: { traceparent: '00-abc-def-01' } };
    const data = { runId: 'r-1', infraSince: 1_700_000_000_000, infraRetries: 3, _origin: origin };
    expect(withoutOutage(data)).toEqual({ runId: 'r-1', _origin: origin });
    expect(data.infraRetries).toBe(3);
  });
});
