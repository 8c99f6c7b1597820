import { ApiError } from '../api/client';

/** The one-time token of an e-mailed link (`#token=…`): in the fragment, it never reaches a server log. */
export function tokenFromHash(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && token.length >= 20 ? token : null;
}

/** A check the browser makes before asking the API, reported like the API's own field errors. */
export function localInvalid(field: string, message: string): ApiError {
  return ApiError.local(400, 'validation_failed', 'Validation failed', [{ field, messages: [message] }]);
}
