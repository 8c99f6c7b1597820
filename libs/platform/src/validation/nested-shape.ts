import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { FieldError } from '../errors/domain-error';

// class-transformer keeps @Type() metadata in a storage it does not re-export from its index.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

type Ctor = new (...args: unknown[]) => unknown;
const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * class-validator's @ValidateNested accepts an array where one object is
 * expected and recurses into arrays of arrays without validating anything, so
 * `"indicators": [[[]]]` passed validation and failed in the service. Every
 * nested DTO property must hold an object, or a list of objects; checked on
 * the plain input by walking the DTO classes' own metadata, so no DTO needs a
 * decorator of its own for it.
 */
export function nestedShapeErrors(metatype: Ctor, value: unknown, path = '', depth = 0): FieldError[] {
  if (!isObject(value) || depth > 16) return [];
  const errors: FieldError[] = [];
  const nested = getMetadataStorage()
    .getTargetValidationMetadatas(metatype, '', true, false)
    .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  for (const name of new Set(nested.map((m) => m.propertyName))) {
    const v = (value as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    const field = path ? `${path}.${name}` : name;
    const each = nested.some((m) => m.propertyName === name && m.each);
    const items = Array.isArray(v) ? v : [v];
    if (Array.isArray(v) && !each) {
      errors.push({ field, messages: [`${field} must be an object`] });
      continue;
    }
    const typeFn = defaultMetadataStorage.findTypeMetadata(metatype, name)?.typeFunction;
    const child = typeFn?.() as Ctor | undefined;
    items.forEach((item, i) => {
      const at = Array.isArray(v) ? `${field}.${i}` : field;
      if (!isObject(item)) errors.push({ field: at, messages: [`${at} must be an object`] });
      else if (child) errors.push(...nestedShapeErrors(child, item, at, depth + 1));
    });
  }
  return errors;
}
