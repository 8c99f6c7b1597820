import { measurementErrors } from './measurement-rules';

const indicators = [
  { id: 'people', name: 'People assisted', unit: 'people', active: true },
  { id: 'share', name: 'Share of cases', unit: '%', active: true },
  { id: 'old', name: 'Dropped', unit: 'people', active: false },
];

describe('measurement rules', () => {
  it('accepts measurements of current indicators within unit and date range', () => {
    expect(measurementErrors([{ indicatorId: 'people', value: 1200, asOf: '2026-06-30' }, { indicatorId: 'share', value: 100, asOf: '2026-06-30' }], indicators, '2026-08-14')).toEqual([]);
  });

  it('names the measurement and the reason for each refusal', () => {
    const errors = measurementErrors(
      [
        { indicatorId: 'elsewhere', value: 1, asOf: '2026-06-30' },
        { indicatorId: 'old', value: 1, asOf: '2026-06-30' },
        { indicatorId: 'share', value: 101, asOf: '2026-06-30' },
        { indicatorId: 'people', value: 5, asOf: '2017-01-01' },
        { indicatorId: 'people', value: 5, asOf: '2030-01-01' },
      ],
      indicators,
      '2026-08-14',
    );
    expect(errors).toEqual([
      { field: 'measurements.0.indicatorId', messages: ['elsewhere is not a current indicator of this pledge'] },
      { field: 'measurements.1.indicatorId', messages: ['old is not a current indicator of this pledge'] },
      { field: 'measurements.2.value', messages: ['"Share of cases" is a percentage: the value must be between 0 and 100'] },
      { field: 'measurements.3.asOf', messages: ['asOf must be between 2018-12-10 and 2026-08-14'] },
      { field: 'measurements.4.asOf', messages: ['asOf must be between 2018-12-10 and 2026-08-14'] },
    ]);
  });

  it('refuses the same indicator measured twice on one date', () => {
    const twice = { indicatorId: 'people', value: 5, asOf: '2026-06-30' };
    expect(measurementErrors([twice, twice], indicators, '2026-08-14')).toEqual([
      { field: 'measurements.1', messages: ['the same indicator is measured twice on the same date'] },
    ]);
  });
});
