import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '../errors/domain-error';
import { localisedValidationErrors } from '../i18n/localise';
import { inspectInput } from './input-inspection';
import { nestedShapeErrors } from './nested-shape';

/** The one 400 of bad input: `details` lists the fields. */
export function validationFailed(details: FieldError[]): BadRequestException {
  return new BadRequestException({ message: 'Validation failed', details });
}

/**
 * The global pipe: every body, query and path parameter is first inspected
 * (depth, NUL, lone surrogates, forbidden keys: see input-inspection) and
 * nested DTO fields must hold objects (nested-shape), so that neither
 * class-transformer nor class-validator ever sees such input; then validated
 * with unknown fields rejected and types converted.
 */
class InspectingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const errors = inspectInput(value, metadata.data ?? '');
      if (errors.length > 0) throw validationFailed(errors);
      const shape = metadata.metatype && !metadata.data ? nestedShapeErrors(metadata.metatype as new () => unknown, value) : [];
      if (shape.length > 0) throw validationFailed(shape);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InspectingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target (the DTO) lets a field message name its rule's arguments in the request's language; it never leaves the pipe.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(localisedValidationErrors(errors)),
  });
}
