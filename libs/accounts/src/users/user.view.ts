import type { UserView } from '../accounts.view';

export type { UserView };
export type UserStatus = UserView['status'];

/**
 * The language a user's e-mail is written in: their own choice, else their
 * organisation's language when it is one of the six (`fr-CA` → `fr`), else English.
 * Over `app_user u LEFT JOIN organisation o`.
 */
export const MAIL_LANGUAGE_SQL = `coalesce(u.language,
  CASE WHEN split_part(lower(o.language), '-', 1) IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') THEN split_part(lower(o.language), '-', 1) END, 'en')`;

/** One query shape for every read of users: the organisation joined, never the password hash. */
export const USER_VIEW_SELECT = `
  SELECT u.id, u.email, u.name, u.role, u.organisation_id AS "organisationId",
         CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
           'id', o.id, 'name', o.name, 'kind', o.kind, 'countryAlpha3', o.country_alpha3) END AS organisation,
         CASE WHEN NOT u.active THEN 'deactivated' WHEN u.password_hash IS NULL THEN 'invited' ELSE 'active' END AS status,
         coalesce(o.approver_id = u.id, false) AS "isApprover",
         u.language, ${MAIL_LANGUAGE_SQL} AS "mailLanguage",
         u.last_sign_in_at AS "lastSignInAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt", u.version
    FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id`;
