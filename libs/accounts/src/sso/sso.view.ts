/** Response shapes of the single sign-on API. */

/** A provider as the secretariat sees it: everything but the client secret. */
export class SsoProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  /** Always true: a secret is stored (it is never returned). */
  hasClientSecret: boolean;
  allowedDomains: string[];
  allowAccountCreation: boolean;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A sign-in button: enabled providers only. */
export class SsoProviderOption {
  id: string;
  name: string;
  /** Where the browser goes to sign in through this provider. */
  signInUrl: string;
}

export class SsoSignOutView {
  /** The provider's end-session URL for a session that came through single sign-on, else null. */
  logoutUrl: string | null;
}
