const n = (x: number) => x.toLocaleString('en-GB');

/**
 * Field messages written for people. The browser's own checks and the API's
 * field errors (mapped in forms/server-messages.ts) both end up in these words,
 * so a rule reads the same whether it was caught before or after sending.
 */
export const enValidation = {
  required: 'Fill this in.',
  chooseOne: 'Choose one.',
  chooseAtLeast: (min: number) => (min === 1 ? 'Choose at least one.' : `Choose at least ${n(min)}.`),
  chooseAtMost: (max: number) => `Choose at most ${n(max)}.`,
  tooShort: (min: number) => `Use at least ${n(min)} characters.`,
  tooLong: (max: number) => `Use at most ${n(max)} characters.`,
  lengthBetween: (min: number, max: number) => `Use between ${n(min)} and ${n(max)} characters.`,
  /** Shown beside a length rule in the browser only, where the count is known. */
  count: (chars: number) => `(${n(chars)} now)`,
  number: 'Enter a number, such as 1250 or 12.5.',
  wholeNumber: 'Enter a whole number.',
  atLeast: (min: string) => `Enter ${min} or more.`,
  atMost: (max: string) => `Enter ${max} or less.`,
  decimals: (places: number) => `Use at most ${places} decimal places.`,
  date: 'Enter a date, such as 30/06/2026.',
  email: 'Enter an e-mail address such as name@example.org.',
  url: 'Enter a web address starting with https:// or http://.',
  currency: 'Enter the ISO code of a currency, such as EUR, KES or USD.',
  reference: 'Enter a pledge reference such as GCM-P-2026-00042.',
  notAccepted: 'This value is not accepted here.',
  pickFromList: 'Choose an entry from the list.',
  unique: 'Each entry may appear only once.',
  endBeforeStart: 'The target date cannot be before the start date.',
};
