import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

export const TRACER_NAME = 'gcm-tracker';

interface StartableSdk {
  start(): void;
  shutdown(): Promise<void>;
}

let sdk: StartableSdk | undefined;

/** Whether this process records spans (started by startTracing); the request middleware is mounted only then. */
export function tracingEnabled(): boolean {
  return sdk !== undefined;
}

/**
 * OpenTelemetry for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set (an
 * OTLP/HTTP exporter), or with the span processor a test gives; otherwise
 * nothing is loaded and the API calls below are no-ops. Spans are made by
 * this code (a request, a job), not by auto-instrumentation.
 */
export function startTracing(opts: { endpoint?: string; serviceName: string; spanProcessor?: unknown }): boolean {
  if (sdk || (!opts.endpoint && !opts.spanProcessor)) return !!sdk;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const processor = (opts.spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url: opts.endpoint }))) as never;
  sdk = new NodeSDK({ serviceName: opts.serviceName, spanProcessors: [processor], instrumentations: [] });
  sdk.start();
  return true;
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}

export const tracer = () => trace.getTracer(TRACER_NAME);

/** W3C trace context of the active span, for a job's data. */
export function injectTraceContext(): Record<string, string> | undefined {
  if (!sdk) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length ? carrier : undefined;
}

export function extractTraceContext(carrier: Record<string, string> | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

/** One server span per request (continuing an incoming `traceparent`), named by route template when it ends. */
export function traceRequests(routeOf: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer().startSpan(`${req.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
    res.once('finish', () => {
      const route = routeOf(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
