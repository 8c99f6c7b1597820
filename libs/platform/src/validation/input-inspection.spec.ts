import { inspectInput, inspectRawQuery, MAX_INPUT_DEPTH, textProblem } from './input-inspection';

const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { a: nest(levels - 1) });

describe('input inspection at the edge', () => {
  it('names NUL and lone surrogates in values and keys, at their field', () => {
    expect(inspectInput({ title: 'a\u0000b', contact: { email: 'x\ud800@example.org' }, list: ['ok', '\udc00'] })).toEqual([
      { field: 'title', messages: ['title must not contain NUL characters'] },
      { field: 'contact.email', messages: ['contact.email must be well-formed Unicode (it contains a lone surrogate)'] },
      { field: 'list.1', messages: ['list.1 must be well-formed Unicode (it contains a lone surrogate)'] },
    ]);
    expect(inspectInput({ 'bad\u0000key': 1 })).toEqual([{ field: 'body', messages: ['a property name must not contain NUL characters'] }]);
  });

  it('accepts well-formed text in any script, with surrogate pairs', () => {
    expect(inspectInput({ name: 'تقرير 进展 😀 Ωmega', n: 1, ok: true, none: null })).toEqual([]);
    expect(textProblem('𝄞 clef')).toBeNull();
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    const body = JSON.parse('{"a":{"__proto__":{"x":1}},"constructor":{"prototype":{}}}');
    expect(inspectInput(body).map((e) => e.field).sort()).toEqual(['a.__proto__', 'constructor']);
  });

  it(`stops at ${MAX_INPUT_DEPTH} levels without recursing into the rest`, () => {
    expect(inspectInput(nest(MAX_INPUT_DEPTH))).toEqual([]);
    expect(inspectInput(nest(MAX_INPUT_DEPTH + 1))).toHaveLength(1);
    // 100,000 levels: far past any stack, answered with one error.
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const errors = inspectInput({ indicators: deep });
    expect(errors).toEqual([{ field: `indicators${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`, messages: [expect.stringMatching(/nested deeper than 32 levels/)] }]);
  });

  it('reports at most twenty problems', () => {
    expect(inspectInput(Array.from({ length: 500 }, () => '\u0000'))).toHaveLength(20);
  });

  it('reads raw query strings for malformed UTF-8 and NUL, per parameter', () => {
    expect(inspectRawQuery('q=%E8%BF%9B%E5%B1%95&limit=10&x=a+b')).toEqual([]);
    expect(inspectRawQuery('q=%FF%FE')).toEqual([{ field: 'q', messages: ['q must be UTF-8 text (malformed percent-encoding)'] }]);
    expect(inspectRawQuery('q=%ED%A0%80')).toEqual([{ field: 'q', messages: ['q must be UTF-8 text (malformed percent-encoding)'] }]);
    expect(inspectRawQuery('cycle=a%00b')).toEqual([{ field: 'cycle', messages: ['cycle must not contain NUL characters'] }]);
    expect(inspectRawQuery('%FF=1')[0].field).toBe('query');
  });
});
