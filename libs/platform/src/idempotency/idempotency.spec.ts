import { canonicalJson } from './idempotency.service';

describe('canonical request JSON', () => {
  it('is the same for the same request whatever the key order, and differs when a value differs', () => {
    const a = canonicalJson({ title: 'T', alignment: { objectives: [{ number: 5, primary: true }] }, form: 'policy' });
    const b = canonicalJson({ form: 'policy', alignment: { objectives: [{ primary: true, number: 5 }] }, title: 'T' });
    expect(a).toBe(b);
    expect(canonicalJson({ title: 'T', form: 'policy' })).not.toBe(canonicalJson({ title: 'U', form: 'policy' }));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
