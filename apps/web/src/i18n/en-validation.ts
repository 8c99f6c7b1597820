import { icu } from './icu';

/**
 * Field messages written for people. The browser's own checks and the API's
 * field errors (mapped in forms/server-messages.ts) both end up in these words,
 * so a rule reads the same whether it was caught before or after sending.
 */
export const enValidation = {
  required: 'Fill this in.',
  chooseOne: 'Choose one.',
  chooseAtLeast: icu('{min, plural, one {Choose at least one.} other {Choose at least #.}}', 'min'),
  chooseAtMost: icu('Choose at most {max, number}.', 'max'),
  tooShort: icu('{min, plural, one {Use at least # character.} other {Use at least # characters.}}', 'min'),
  tooLong: icu('{max, plural, one {Use at most # character.} other {Use at most # characters.}}', 'max'),
  lengthBetween: icu('Use between {min, number} and {max, number} characters.', 'min', 'max'),
  /** Shown beside a length rule in the browser only, where the count is known. */
  count: icu('({chars, number} now)', 'chars'),
  number: 'Enter a number, such as 1250 or 12.5.',
  wholeNumber: 'Enter a whole number.',
  atLeast: icu('Enter {min} or more.', 'min'),
  atMost: icu('Enter {max} or less.', 'max'),
  decimals: icu('Use at most {places} decimal places.', 'places'),
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
