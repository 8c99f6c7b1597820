import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, ErrorCode } from './domain-error';

export class FieldErrorDto {
  /** Dotted path of the field, e.g. `indicators.0.unit`. */
  field: string;
  messages: string[];
}

/** The one error shape of the API (HttpExceptionFilter). */
export class ErrorBodyDto {
  /** The HTTP status, repeated. */
  statusCode: number;

  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'Stable, machine-readable: what clients switch on. `database_unavailable` (PostgreSQL) and `queue_unavailable` (Redis) '
      + 'come with 503 and `Retry-After`: send the request again after that many seconds.',
  })
  code: ErrorCode;

  /** The status text, e.g. `Conflict`. */
  error: string;

  /** For people; may change wording. */
  message: string;

  @ApiPropertyOptional({
    description: 'validation_failed: one entry per field; other codes: an object (e.g. `currentVersion` on version_conflict, `retryAfterSeconds` on rate_limited).',
    oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldErrorDto' } }, { type: 'object', additionalProperties: true }],
  })
  details?: FieldErrorDto[] | Record<string, unknown>;

  /** Quote it when reporting a problem: it finds the request in the logs. */
  correlationId?: string;
}
