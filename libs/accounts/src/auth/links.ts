/**
 * Where the web front end takes a token from an e-mailed link. The token sits
 * in the fragment so it never reaches a server log or a Referer header.
 */
export const INVITATION_PATH = '/accept-invitation';
export const PASSWORD_RESET_PATH = '/reset-password';

export function tokenLink(base: string, path: string, token: string): string {
  return `${base}${path}#token=${encodeURIComponent(token)}`;
}
