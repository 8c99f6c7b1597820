import type { FieldError } from '../api/client';
import { formatNumber } from '../components/format';
import { t } from '../i18n';

const V = () => t.validation;
const len = (s: string) => s.trim().length;

/**
 * Checks the browser makes before sending, in the same words as the API's
 * mapped field errors (forms/server-messages.ts). They mirror the API's limits
 * so a person learns of a mistake at once; the API stays the real gate.
 */
export class Checks {
  readonly errors: FieldError[] = [];

  private add(field: string, message: string): void {
    const found = this.errors.find((e) => e.field === field);
    if (found) found.messages.push(message);
    else this.errors.push({ field, messages: [message] });
  }

  required(field: string, value: string | string[] | undefined, choose = false): this {
    const empty = Array.isArray(value) ? value.length === 0 : !value || !value.trim();
    if (empty) this.add(field, choose ? V().chooseOne : V().required);
    return this;
  }

  /** Characters after trimming, as the API counts them; an empty optional value is left to `required`. */
  length(field: string, value: string, min: number, max: number): this {
    const n = len(value);
    if (n === 0) return this;
    if (n < min) this.add(field, `${V().tooShort(min)} ${V().count(n)}`);
    else if (n > max) this.add(field, `${V().tooLong(max)} ${V().count(n)}`);
    return this;
  }

  minItems(field: string, value: unknown[], min: number): this {
    if (value.length < min) this.add(field, V().chooseAtLeast(min));
    return this;
  }

  number(field: string, value: string, opts: { min?: number; max?: number; whole?: boolean; decimals?: number } = {}): this {
    if (!value.trim()) return this;
    const x = Number(value);
    if (!Number.isFinite(x)) {
      this.add(field, V().number);
      return this;
    }
    if (opts.whole && !Number.isInteger(x)) this.add(field, V().wholeNumber);
    else if (opts.decimals !== undefined && (value.split('.')[1] ?? '').length > opts.decimals) this.add(field, V().decimals(opts.decimals));
    else if (opts.min !== undefined && x < opts.min) this.add(field, V().atLeast(formatNumber(opts.min)));
    else if (opts.max !== undefined && x > opts.max) this.add(field, V().atMost(formatNumber(opts.max)));
    return this;
  }

  email(field: string, value: string): this {
    if (value.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) this.add(field, V().email);
    return this;
  }

  url(field: string, value: string): this {
    if (value.trim() && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value.trim())) this.add(field, V().url);
    return this;
  }

  /** A rule of its own, e.g. dates in order. */
  check(field: string, ok: boolean, message: string): this {
    if (!ok) this.add(field, message);
    return this;
  }
}
