import { Transform } from 'class-transformer';

type TransformArgs = { value: unknown };

/**
 * class-transformer helpers for incoming text, one definition each. They run
 * before validation, so `@Length(1, 200)` sees the trimmed text and "   " is
 * refused as empty rather than stored.
 */
export const trim = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim() : value);
/** Each string of an array (e.g. a list of keywords). */
export const trimEach = ({ value }: TransformArgs) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);
export const trimLower = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
export const upper = ({ value }: TransformArgs) => (typeof value === 'string' ? value.toUpperCase() : value);
export const lower = ({ value }: TransformArgs) => (typeof value === 'string' ? value.toLowerCase() : value);
/** A query string's `true`/`false`; anything else is left for the validator to refuse. */
export const queryBoolean = ({ value }: TransformArgs) => (value === 'true' ? true : value === 'false' ? false : value);

export const Trim = () => Transform(trim);
export const TrimLower = () => Transform(trimLower);
export const QueryBoolean = () => Transform(queryBoolean);
