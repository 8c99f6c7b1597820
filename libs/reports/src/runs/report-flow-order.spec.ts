import { inFlowOrder } from './report-flow.service';

describe('the order a flow queues its reports in', () => {
  it('puts the costliest kinds first and the many State reports last, each kind by id', () => {
    const runs = [
      { id: 'c', kind: 'state' }, { id: 'a', kind: 'state' }, { id: 'f', kind: 'region' }, { id: 'e', kind: 'theme' },
      { id: 'b', kind: 'objective' }, { id: 'g', kind: 'round_table' }, { id: 'd', kind: 'round_table' }, { id: 'h', kind: 'objective' },
    ];
    expect(inFlowOrder(runs)).toEqual(['d', 'g', 'b', 'h', 'e', 'f', 'a', 'c']);
    expect(inFlowOrder([...runs].reverse())).toEqual(inFlowOrder(runs));
  });

  it('queues a kind it does not know after the known ones, never drops one', () => {
    expect(inFlowOrder([{ id: 'x', kind: 'digest' }, { id: 'y', kind: 'state' }])).toEqual(['y', 'x']);
  });
});
