import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@gcm/platform';
import type { NextFunction, Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { findWebDist, pickEncoding, WebAssets } from './web-assets';
import { answerPage, localisedIndex } from './web-locale';

/**
 * Serves the built browser app (apps/web/dist) at `/`. Registered in
 * onModuleInit, i.e. after every API route, so it only sees requests no
 * controller took; unknown /api paths still get the API's JSON 404.
 */
function reload(root: string, previous: WebAssets): WebAssets {
  try {
    return WebAssets.load(root);
  } catch {
    return previous; // a build is rewriting the folder right now; the next miss tries again
  }
}

@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger(WebModule.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return; // an application context without HTTP (seeding, drift check) serves nothing
    const root = findWebDist();
    if (!root) {
      this.logger.warn('apps/web/dist not found: the web front end is not served (run `npm run build`)');
      return;
    }
    let assets = WebAssets.load(root);
    let index = { builtFrom: assets, html: readFileSync(assets.index.file, 'utf8') };
    http.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      // The file list is read once; a miss re-reads it only if index.html has changed since.
      if (req.path.startsWith('/assets/') && !assets.resolve(req.path) && assets.stale()) assets = reload(root, assets);
      const hit = assets.resolve(req.path);
      if (!hit) return next();
      if (hit === assets.index) {
        // A page: in the language of its address, or sent to the reader's language on a first visit.
        const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
        const answer = answerPage(req.path, search, { cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] });
        res.setHeader('Vary', 'Accept-Language, Cookie');
        res.setHeader('Cache-Control', hit.cacheControl);
        if ('redirect' in answer) return res.redirect(answer.status, answer.redirect);
        if (index.builtFrom !== assets) index = { builtFrom: assets, html: readFileSync(assets.index.file, 'utf8') };
        const origin = this.config.PUBLIC_URL?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
        res.type('text/html; charset=utf-8').send(localisedIndex(index.html, answer.locale, answer.path, origin));
        return;
      }
      const encoding = hit.contentType ? pickEncoding(req.headers['accept-encoding'], hit.variants) : undefined;
      const headers: Record<string, string> = { 'Cache-Control': hit.cacheControl };
      if (Object.keys(hit.variants).length) headers.Vary = 'Accept-Encoding';
      if (encoding) {
        headers['Content-Encoding'] = encoding;
        headers['Content-Type'] = hit.contentType as string;
      }
      res.sendFile(encoding ? (hit.variants[encoding] as string) : hit.file, { headers, cacheControl: false, dotfiles: 'deny' }, (err) => {
        if (err && !res.headersSent) next(err);
      });
    });
    this.logger.log(`web front end served from ${root}`);
  }
}
