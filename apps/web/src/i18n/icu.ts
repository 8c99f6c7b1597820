/**
 * A message with arguments in the English catalogue: its ICU MessageFormat text
 * and the order its arguments are passed in (`t.common.pageOf(3, 9)` fills
 * `{page}` and `{pages}`). Other languages translate the ICU text only.
 */
export interface Icu<P extends readonly string[] = readonly string[]> {
  readonly icu: string;
  readonly params: P;
}

export function icu<const P extends readonly string[]>(message: string, ...params: P): Icu<P> {
  return { icu: message, params };
}

export function isIcu(value: unknown): value is Icu {
  return typeof value === 'object' && value !== null && typeof (value as Icu).icu === 'string' && Array.isArray((value as Icu).params);
}
