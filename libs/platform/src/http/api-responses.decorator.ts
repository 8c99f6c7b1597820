import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../errors/error-body.dto';

/** A 200 whose body is a file, in one of the given media types (no JSON schema to hold it to). */
export const ApiFileResponse = (description: string, contentTypes: readonly string[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });

/** A route behind the sign-in / reset rate limits (RateLimitService). */
export const ApiRateLimited = () =>
  applyDecorators(
    ApiResponse({ status: 429, type: ErrorBodyDto, description: '`rate_limited`: too many attempts; `Retry-After` says when to try again' }),
    ApiResponse({ status: 503, type: ErrorBodyDto, description: '`unavailable`: the rate-limit store is unreachable, so the route refuses rather than run unlimited' }),
  );
