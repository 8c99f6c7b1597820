import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ErrorCode, FieldError } from '../errors/domain-error';
import { formatMessage } from '../pure/messages';
import { SOURCE_LOCALE, type Locale } from '../pure/locales';
import { PLATFORM_MESSAGES, type PlatformMessageKey } from './platform-messages';
import { currentLocale } from './request-locale';

export function platformMessage(key: PlatformMessageKey, values?: Record<string, unknown>, locale: Locale = currentLocale()): string {
  return formatMessage(PLATFORM_MESSAGES, locale, key, values);
}

/** Fixed English texts of the edge that have a message of their own. */
const KNOWN: Record<string, PlatformMessageKey> = {
  'Validation failed': 'code.validation_failed',
  'Request body is not valid JSON': 'error.json',
};

/**
 * The error `message` in the request's language. English keeps the text the
 * code raised (it names the record); another language gets the text of a
 * fixed message or of the error's code, so a client never reads English it
 * did not ask for. The code itself and field names are never translated.
 */
export function localisedErrorMessage(code: ErrorCode, english: string, locale: Locale = currentLocale()): string {
  if (locale === SOURCE_LOCALE) return english;
  return platformMessage(KNOWN[english] ?? (`code.${code}` as PlatformMessageKey), undefined, locale);
}

/** class-validator constraint names → the message key of that rule. */
const CONSTRAINT_KEYS: Record<string, PlatformMessageKey> = {
  isString: 'field.isString', isInt: 'field.isInt', isNumber: 'field.isNumber', isBoolean: 'field.isBoolean',
  min: 'field.min', max: 'field.max', isLength: 'field.isLength', minLength: 'field.minLength', maxLength: 'field.maxLength',
  matches: 'field.matches', isIn: 'field.isIn', isEnum: 'field.isIn', isArray: 'field.isArray',
  arrayMinSize: 'field.arrayMinSize', arrayMaxSize: 'field.arrayMaxSize', arrayUnique: 'field.arrayUnique',
  isUuid: 'field.isUuid', isEmail: 'field.isEmail', isUrl: 'field.isUrl', isObject: 'field.isObject',
  isIso8601: 'field.isDateOnly', isDefined: 'field.isDefined', isNotEmpty: 'field.isDefined',
  nestedValidation: 'field.nestedValidation', isLanguageTag: 'field.isLanguageTag', whitelistValidation: 'field.whitelistValidation',
};

/** The arguments of the rule `type` on `property` of the DTO `target` (`@Length(1, 300)` → [1, 300]). */
function constraintArgs(target: object | undefined, property: string, type: string): unknown[] {
  if (!target) return [];
  const rules = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return rules.find((r) => r.propertyName === property && (r.name ?? r.type) === type)?.constraints ?? [];
}

function valuesOf(key: PlatformMessageKey, property: string, args: unknown[]): Record<string, unknown> {
  const [a, b] = args;
  switch (key) {
    case 'field.min':
    case 'field.minLength':
    case 'field.arrayMinSize':
      return { property, min: a };
    case 'field.max':
    case 'field.maxLength':
    case 'field.arrayMaxSize':
      return { property, max: a };
    case 'field.isLength':
      return { property, min: a, max: b };
    case 'field.isIn':
      return { property, values: (Array.isArray(a) ? a : Object.values((a as object) ?? {})).join(', ') };
    default:
      return { property };
  }
}

/** One field message in the request's language; English keeps class-validator's (or the DTO's own) text. */
export function localisedFieldMessage(type: string, property: string, english: string, args: unknown[] = [], locale: Locale = currentLocale()): string {
  if (locale === SOURCE_LOCALE) return english;
  let key = CONSTRAINT_KEYS[type] ?? 'field.invalid';
  if (key === 'field.isLength') {
    if (args[1] === undefined) key = 'field.minLength';
    else if (!args[0]) key = 'field.maxLength';
  }
  const values = valuesOf(key, property, key === 'field.maxLength' && args.length === 2 ? [args[1]] : args);
  if (Object.values(values).some((v) => v === undefined)) key = 'field.invalid';
  return platformMessage(key, key === 'field.invalid' ? { property } : values, locale);
}

/** Flattens nested class-validator errors into `{ field: 'indicators.0.unit', messages }`, in the request's language. */
export function localisedValidationErrors(errors: ValidationError[], parent = '', locale: Locale = currentLocale()): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints
      ? [{
          field,
          messages: Object.entries(e.constraints).map(([type, english]) =>
            localisedFieldMessage(type, e.property, english, locale === SOURCE_LOCALE ? [] : constraintArgs(e.target, e.property, type), locale)),
        }]
      : [];
    return [...own, ...localisedValidationErrors(e.children ?? [], field, locale)];
  });
}
