import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig, Public } from '@gcm/platform';
import type { Request, Response } from 'express';
import { robotsTxt, siteMapXml, STATIC_PAGES } from './site-map';
import { SiteMapRepository } from './site-map.repository';

/**
 * /robots.txt and /sitemap.xml for the public web app. They are routes, so the
 * web front end's catch-all (every other path gets index.html) never sees them.
 * Absolute URLs use PUBLIC_URL, else the host the request came to.
 */
@ApiExcludeController()
@Public()
@Controller()
export class SiteMapController {
  constructor(
    private readonly repository: SiteMapRepository,
    private readonly config: AppConfig,
  ) {}

  @Get('robots.txt')
  robots(@Req() req: Request, @Res() res: Response): void {
    res.type('text/plain; charset=utf-8').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(robotsTxt(this.base(req)));
  }

  @Get('sitemap.xml')
  async siteMap(@Req() req: Request, @Res() res: Response): Promise<void> {
    const entries = [...STATIC_PAGES.map((path) => ({ path })), ...(await this.repository.dataPages())];
    res.type('application/xml; charset=utf-8').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(siteMapXml(this.base(req), entries));
  }

  private base(req: Request): string {
    return this.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`;
  }
}
