import { canonicalRequestJson } from './idempotency.service';

describe('canonical request JSON', () => {
  it('is the same for the same request whatever the key order, and differs when a value differs', () => {
    const a = canonicalRequestJson({ title: 'T', alignment: { objectives: [{ number: 5, primary: true }] }, form: 'policy' });
    const b = canonicalRequestJson({ form: 'policy', alignment: { objectives: [{ primary: true, number: 5 }] }, title: 'T' });
    expect(a).toBe(b);
    expect(canonicalRequestJson({ title: 'T', form: 'policy' })).not.toBe(canonicalRequestJson({ title: 'U', form: 'policy' }));
    expect(canonicalRequestJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
