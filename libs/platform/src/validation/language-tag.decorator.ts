import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy } from 'class-validator';
import { canonicalLanguageTag } from '../pure/language-tag';

/** A well-formed BCP 47 tag, stored in canonical form (`fr-ca` is kept as `fr-CA`). */
export function IsLanguageTag(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? (canonicalLanguageTag(value.trim()) ?? value) : value)),
    IsString(),
    ValidateBy({
      name: 'isLanguageTag',
      validator: {
        validate: (v) => typeof v === 'string' && canonicalLanguageTag(v) === v,
        defaultMessage: () => '$property must be a BCP 47 language tag such as fr, ar or zh-Hans',
      },
    }),
  );
}
