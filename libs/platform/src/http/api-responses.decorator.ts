import { SetMetadata } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

/** A 200 whose body is a file, in one of the given media types (no JSON schema to hold it to). */
export const ApiFileResponse = (description: string, contentTypes: readonly string[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });

/**
 * Error answers a route gives beyond those its shape implies, by status. Kept
 * as metadata that the OpenAPI builder turns into ErrorBody responses: an
 * @ApiResponse here would stop the Swagger plugin from describing the 2xx.
 */
export const ERROR_RESPONSES_KEY = 'gcm:error-responses';

export const ApiErrorResponses = (responses: Record<number, string>) => SetMetadata(ERROR_RESPONSES_KEY, responses);

export const RATE_LIMITED_RESPONSES = {
  429: '`rate_limited`: too many attempts; `Retry-After` says when to try again',
  503: '`queue_unavailable`: Redis, which keeps the attempt counters, is unreachable, so the route refuses rather than run unlimited; `database_unavailable`: PostgreSQL is unreachable. Retry after `Retry-After` seconds',
};
