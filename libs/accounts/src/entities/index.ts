import { Organisation } from './organisation.entity';
import { RefreshToken } from './refresh-token.entity';
import { Session } from './session.entity';
import { SsoAttempt } from './sso-attempt.entity';
import { SsoIdentity } from './sso-identity.entity';
import { SsoProvider } from './sso-provider.entity';
import { User } from './user.entity';
import { UserToken } from './user-token.entity';

export * from './organisation.entity';
export * from './user.entity';
export * from './session.entity';
export * from './refresh-token.entity';
export * from './user-token.entity';
export * from './sso-provider.entity';
export * from './sso-identity.entity';
export * from './sso-attempt.entity';

export const ACCOUNTS_ENTITIES = [Organisation, User, Session, RefreshToken, UserToken, SsoProvider, SsoIdentity, SsoAttempt];
