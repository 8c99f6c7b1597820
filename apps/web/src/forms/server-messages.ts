import type { FieldError } from '../api/client';
import { formatNumber } from '../components/format';
import { t } from '../i18n';

const V = () => t.validation;

/**
 * The API's validator wording (class-validator's English defaults and the
 * house's own `$property must be …` messages) in the words the browser's
 * checks use. Order matters: the first pattern that matches wins. A message
 * nobody foresaw is kept, only without the leading property name.
 */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/should not be empty$/, () => V().required],
  [/must be longer than or equal to (\d+) characters$/, (m) => V().tooShort(Number(m[1]))],
  [/must be shorter than or equal to (\d+) characters$/, (m) => V().tooLong(Number(m[1]))],
  [/must be between ([\d,]+) and ([\d,]+) characters$/, (m) => V().lengthBetween(Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, '')))],
  [/must contain at least (\d+) elements?$/, (m) => V().chooseAtLeast(Number(m[1]))],
  [/must contain no more than (\d+) elements?$/, (m) => V().chooseAtMost(Number(m[1]))],
  [/must not be less than (-?[\d.e+]+)$/, (m) => V().atLeast(formatNumber(Number(m[1])))],
  [/must not be greater than (-?[\d.e+]+)$/, (m) => V().atMost(formatNumber(Number(m[1])))],
  [/must be an integer number$/, () => V().wholeNumber],
  [/must be a number conforming to the specified constraints$|must be a number$/, () => V().number],
  [/must be one of the following values/, () => V().chooseOne],
  [/must be an email$|must be an e-?mail address$/, () => V().email],
  [/must be a date such as|must be a real calendar date|must be a valid ISO 8601 date string/, () => V().date],
  [/must be an http\(s\) address|must be a URL address/, () => V().url],
  [/must be an ISO 4217 code/, () => V().currency],
  [/must be a pledge reference/, () => V().reference],
  [/must be a UUID$/, () => V().pickFromList],
  [/elements must be unique$/, () => V().unique],
  [/^property \S+ should not exist$/, () => V().notAccepted],
];

export function humanMessage(message: string): string {
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  const rest = /^(?:each value in )?[\w.[\]]+ (must .*)$/.exec(message);
  return rest ? `${rest[1][0].toUpperCase()}${rest[1].slice(1)}.`.replace(/\.\.$/, '.') : message;
}

/** Every message of every field error in people's words, duplicates (several raw rules, one meaning) dropped. */
export function humanErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, messages: [...new Set(e.messages.map(humanMessage))] }));
}
