import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { accessRuleOf, AccessRule, ERROR_RESPONSES_KEY, LOCALES } from '@gcm/platform';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** Every controller class of the app by name: operationIds are `Controller_method`. */
function controllersByName(app: INestApplication): Map<string, object> {
  const byName = new Map<string, object>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as { name: string; prototype: object } | null;
      if (type) byName.set(type.name, type);
    }
  }
  return byName;
}

function routeOf(controllers: Map<string, object>, operationId: string | undefined): { rule?: AccessRule; errors: Record<string, string> } {
  const [name, method] = (operationId ?? '').split('_');
  const controller = controllers.get(name) as { prototype: Record<string, object> } | undefined;
  const handler = controller?.prototype[method];
  if (!controller || !handler) return { errors: {} };
  return { rule: accessRuleOf(handler, controller), errors: Reflect.getMetadata(ERROR_RESPONSES_KEY, handler) ?? {} };
}

const SECURITY: Record<AccessRule['kind'], OperationObject['security']> = {
  public: [],
  // A token is optional: anonymous or bearer.
  optional: [{}, { bearer: [] }],
  authenticated: [{ bearer: [] }],
  roles: [{ bearer: [] }],
};

/** Whether the JSON body schema of the operation has a property `name` (e.g. the optimistic `version`). */
function bodyHas(doc: OpenAPIObject, op: OperationObject, name: string): boolean {
  const body = op.requestBody && 'content' in op.requestBody ? op.requestBody.content['application/json']?.schema : undefined;
  const ref = body && '$ref' in body ? body.$ref.split('/').pop() : undefined;
  const schema = ref ? doc.components?.schemas?.[ref] : body;
  return !!schema && 'properties' in schema && !!schema.properties?.[name];
}

/** Optimistic writes take the version as `If-Match` or in the body: the header is never required. */
function declareIfMatch(op: OperationObject): void {
  const others = (op.parameters ?? []).filter((p) => !('in' in p && p.in === 'header' && p.name.toLowerCase() === 'if-match'));
  op.parameters = [
    ...others,
    { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag (`"<version>"`) last read; or send `version` in the body' },
  ];
}

/** `?lang=` and `Accept-Language` are read on every route (requestLocaleMiddleware), so every operation declares them. */
const LANGUAGE_PARAMETERS = {
  Lang: {
    name: 'lang', in: 'query', required: false, schema: { type: 'string' },
    description: 'Language of messages and catalogue texts (overrides `Accept-Language`); another value answers 400 listing the six',
  },
  AcceptLanguage: {
    name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' },
    description: 'Preferred languages (RFC 9110); the best of ar, zh, en, fr, ru, es is used, else English. The answer\'s `Content-Language` says which',
  },
} as const;

function declareLanguage(op: OperationObject): void {
  op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/Lang' }, { $ref: '#/components/parameters/AcceptLanguage' }];
}

function errorResponse(description: string, status?: string): ResponseObject {
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } };
  if (status !== '503' && status !== '429') return { description, content };
  return { description, content, headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } } };
}

const UNAVAILABLE = '`database_unavailable`: PostgreSQL is unreachable; `queue_unavailable`: Redis is unreachable. Retry after `Retry-After` seconds';

/** The error answers any operation of this shape can give, with the codes each carries. */
function errorResponsesFor(doc: OpenAPIObject, method: string, op: OperationObject, rule: AccessRule | undefined): Record<string, ResponseObject> {
  const out: Record<string, ResponseObject> = {};
  // Express answers a conditional GET whose ETag still matches with an empty 304.
  if (method === 'get') out['304'] = { description: 'Not modified: the `If-None-Match` ETag is current' };
  // Unknown query parameters are refused on every route, so even one without parameters can answer 400.
  out['400'] = errorResponse('`validation_failed`: a parameter or field is malformed, or a query parameter is unknown; `details` lists each field');
  if (rule?.kind === 'roles' || rule?.kind === 'authenticated') {
    out['401'] = errorResponse('`unauthenticated`: no valid access token, or its session ended');
    out['403'] = errorResponse(
      rule.kind === 'roles' ? `\`forbidden\`: the caller's role is not ${rule.roles.join(' or ')}, or the record is not theirs` : "`forbidden`: the record is not the caller's",
    );
  }
  if (op.parameters?.length) out['404'] = errorResponse('`not_found`: the record named by a path or query parameter does not exist (or is not visible to the caller)');
  if (method !== 'get' && rule && rule.kind !== 'public') {
    out['409'] = errorResponse('`version_conflict`: the record changed since it was read; `invalid_state`: not allowed in its current state; `conflict`: a unique value is taken');
    if (bodyHas(doc, op, 'version')) out['428'] = errorResponse('`precondition_required`: neither `If-Match` nor `version` was sent');
  }
  const multipart = op.requestBody && 'content' in op.requestBody && op.requestBody.content['multipart/form-data'];
  if (method !== 'get' && (op.requestBody || multipart)) out['413'] = errorResponse('`payload_too_large`: the body or file is larger than allowed');
  // Any request that carries a body must send it in a media type the route reads (RequestInputGuard).
  out['415'] = errorResponse('`unsupported_media_type`: a body was sent that is not JSON (or multipart where a file is taken)');
  // Any route may need PostgreSQL or Redis (HttpExceptionFilter classifies their failures); cached public reads are still served.
  out['503'] = errorResponse(UNAVAILABLE, '503');
  return out;
}

/**
 * Derives from the routes' access decorators (the metadata the access guard
 * enforces, so the two cannot drift) each operation's `security`, and adds
 * the shared error responses (ErrorBody with its `code`) that an operation of
 * its shape can answer. Responses a controller declares itself are kept.
 */
export function applyContract(app: INestApplication, doc: OpenAPIObject): OpenAPIObject {
  const controllers = controllersByName(app);
  doc.components = {
    ...doc.components,
    parameters: {
      ...doc.components?.parameters,
      Lang: { ...LANGUAGE_PARAMETERS.Lang, schema: { type: 'string', enum: [...LOCALES] } },
      AcceptLanguage: { ...LANGUAGE_PARAMETERS.AcceptLanguage },
    },
  };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const { rule, errors } = routeOf(controllers, op.operationId);
      if (rule) op.security = SECURITY[rule.kind];
      const declared = Object.fromEntries(Object.entries(errors).map(([status, text]) => [status, errorResponse(text)]));
      if (method !== 'get' && bodyHas(doc, op, 'version')) declareIfMatch(op);
      op.responses = { ...errorResponsesFor(doc, method, op, rule), ...declared, ...op.responses };
      declareLanguage(op);
      op.responses = Object.fromEntries(
        Object.entries(op.responses)
          .sort(([a], [b]) => a.localeCompare(b))
          // The one exception filter answers every error, whatever a library declared (terminus' 503).
          .map(([status, res]) => [status, Number(status) >= 400 ? errorResponse((res as ResponseObject).description, status) : res]),
      );
    }
  }
  return doc;
}
