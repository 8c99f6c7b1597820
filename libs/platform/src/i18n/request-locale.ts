import type { NextFunction, Request, Response } from 'express';
import { currentContext } from '../context/request-context';
import { isLocale, LOCALES, negotiateLocale, SOURCE_LOCALE, type Locale } from '../pure/locales';

/** The language of the current request's messages and catalogue texts (English outside a request). */
export function currentLocale(): Locale {
  return currentContext()?.locale ?? SOURCE_LOCALE;
}

/** The query without `lang`: the parameter is the API's, handled here, so no route's DTO declares it. */
function withoutLang(url: string): { url: string; lang?: string } {
  const q = url.indexOf('?');
  if (q < 0 || !/(^|[?&])lang=/.test(url.slice(q))) return { url };
  const params = new URLSearchParams(url.slice(q + 1));
  const lang = params.getAll('lang').join(',');
  params.delete('lang');
  const rest = params.toString();
  return { url: rest ? `${url.slice(0, q)}?${rest}` : url.slice(0, q), lang };
}

/**
 * The one rule for a request's language: `?lang=` when given (an unknown one
 * is reported in `invalidLang` and answered in English), else Accept-Language,
 * else English; `url` is the request's URL without `lang`. Used by the
 * middleware below and by the cache's fast path, which answers before it.
 */
export function localeOfRequest(rawUrl: string, acceptLanguage: string | undefined): { url: string; locale: Locale; invalidLang?: string } {
  const { url, lang } = withoutLang(rawUrl);
  if (lang === undefined) return { url, locale: negotiateLocale(acceptLanguage) };
  const wanted = lang.trim().toLowerCase();
  return isLocale(wanted) ? { url, locale: wanted } : { url, locale: SOURCE_LOCALE, invalidLang: lang };
}

/**
 * The request's language, for every `/api` route: `?lang=` (one of the six,
 * else the input guard answers 400 listing them), otherwise negotiated from
 * `Accept-Language`, otherwise English. `lang` is taken out of `req.url`, so
 * the routes' query DTOs (which refuse undeclared parameters) never see it;
 * `originalUrl` keeps it. Every API answer depends on the language (at least
 * its error messages), so each says which it is in and that it varies by
 * `Accept-Language`.
 */
export function requestLocaleMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (!req.url.startsWith('/api/')) return next();
  const ctx = currentContext();
  const { url, locale, invalidLang } = localeOfRequest(req.url, req.headers['accept-language']);
  req.url = url;
  if (invalidLang !== undefined && ctx) ctx.invalidLang = invalidLang;
  if (ctx) ctx.locale = locale;
  res.setHeader('Content-Language', locale);
  res.vary('Accept-Language');
  next();
}

export const LANGUAGE_LIST = LOCALES.join(', ');
