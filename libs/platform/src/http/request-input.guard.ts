import { CanActivate, ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { FieldError } from '../errors/domain-error';
import { inspectInput, inspectRawQuery } from '../validation/input-inspection';
import { validationFailed } from '../validation/validation.pipe';
import { currentContext } from '../context/request-context';
import { RAW_BODY_KEY } from './access.decorators';
import { localisedFieldMessage, platformMessage } from '../i18n/localise';
import { LANGUAGE_LIST } from '../i18n/request-locale';

/** Request headers the API reads; anything but printable ASCII in them is refused rather than half-parsed. */
const READ_HEADERS = ['authorization', 'if-match', 'if-none-match', 'idempotency-key'];
const PRINTABLE = /^[\t\x20-\x7e]*$/;
const PARSED_TYPES = /^application\/json$|^application\/x-www-form-urlencoded$/;

/** Which kinds of argument a handler takes (@Query(), @Body(), @UploadedFile() …). */
function argumentKinds(ctx: ExecutionContext): Set<number> {
  const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {};
  return new Set(Object.keys(args).map((k) => Number(k.split(':')[0])));
}

function carriesBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

const unknownKeys = (o: object) =>
  Object.keys(o).map((key) => ({ field: key, messages: [localisedFieldMessage('whitelistValidation', key, `property ${key} should not exist`)] }));

/**
 * One check at the edge of every route, before the services, pipes and the
 * database see the request: malformed UTF-8 in the URL, NUL and lone
 * surrogates, forbidden keys and over-deep nesting in the query, path
 * parameters and parsed body, non-ASCII in the headers the API reads; query
 * parameters or body fields on a route that declares none (routes with a
 * query or body DTO are whitelisted by the validation pipe), and bodies of a
 * type the route cannot read (415); a `?lang=` that is none of the six
 * languages. Multipart fields are parsed later, by the
 * route's interceptor, and inspected by the validation pipe.
 */
@Injectable()
export class RequestInputGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    // `lang` is accepted on every route (requestLocaleMiddleware took it out of the query); an unknown one lists the six.
    const invalidLang = currentContext()?.invalidLang;
    if (invalidLang !== undefined) {
      throw validationFailed([{ field: 'lang', messages: [platformMessage('error.lang', { lang: JSON.stringify(invalidLang.slice(0, 40)), languages: LANGUAGE_LIST })] }]);
    }
    const url = req.originalUrl ?? req.url;
    const q = url.indexOf('?');
    const errors: FieldError[] = q >= 0 ? inspectRawQuery(url.slice(q + 1)) : [];
    for (const name of READ_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string' && !PRINTABLE.test(value)) errors.push({ field: name, messages: [`the ${name} header must be printable ASCII`] });
    }
    errors.push(...inspectInput(req.params ?? {}), ...inspectInput(req.query ?? {}));
    const parsedBody = req.body !== undefined && req.body !== null && typeof req.body === 'object';
    if (parsedBody) errors.push(...inspectInput(req.body));
    if (errors.length > 0) throw validationFailed(errors);

    const kinds = argumentKinds(ctx);
    const takesFile = kinds.has(RouteParamtypes.FILE) || kinds.has(RouteParamtypes.FILES);
    if (carriesBody(req)) {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const raw: string[] = Reflect.getMetadata(RAW_BODY_KEY, ctx.getHandler()) ?? [];
      const readable = PARSED_TYPES.test(type) || (takesFile && type === 'multipart/form-data') || raw.includes(type);
      if (!readable) {
        throw new UnsupportedMediaTypeException(takesFile ? 'Send multipart/form-data' : 'Send the body as application/json');
      }
    }
    if (!kinds.has(RouteParamtypes.QUERY)) errors.push(...unknownKeys(req.query ?? {}));
    if (!kinds.has(RouteParamtypes.BODY) && !takesFile && parsedBody && !Array.isArray(req.body)) errors.push(...unknownKeys(req.body));
    if (!kinds.has(RouteParamtypes.BODY) && !takesFile && Array.isArray(req.body) && req.body.length > 0) {
      errors.push({ field: 'body', messages: ['this operation takes no body'] });
    }
    if (errors.length > 0) throw validationFailed(errors);
    return true;
  }
}
