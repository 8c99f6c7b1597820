import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserToken, UserTokenPurpose } from '../entities';
import { hashSecretToken, newSecretToken } from './secret-token';

export interface LiveToken {
  id: string;
  userId: string;
}

/** Invitation and password-reset tokens: one live token per user and purpose, used once, then dead. */
@Injectable()
export class UserTokenService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issues a token, retiring any earlier unused one of the same purpose (only the newest link works). */
  async issue(m: EntityManager, userId: string, purpose: UserTokenPurpose, ttlMs: number, createdBy: string | null) {
    await m.query('DELETE FROM user_token WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + ttlMs);
    const { identifiers } = await m.insert(UserToken, { userId, purpose, tokenHash: hash, expiresAt, createdBy });
    return { id: identifiers[0].id as string, token, expiresAt };
  }

  /**
   * A token that is unused, unexpired and whose user is active — checked
   * before any password is hashed, so a bad token costs no scrypt.
   */
  async peek(token: string, purpose: UserTokenPurpose): Promise<LiveToken | null> {
    const [row] = await this.dataSource.query(
      `SELECT t.id, t.user_id AS "userId" FROM user_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now() AND u.active`,
      [hashSecretToken(token), purpose],
    );
    return row ?? null;
  }

  /** Marks the token used; false if a concurrent request used it first. */
  async claim(m: EntityManager, id: string): Promise<boolean> {
    const [rows] = await m.query('UPDATE user_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id', [id]);
    return rows.length === 1;
  }
}
