import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfig, DomainError, Public } from '@gcm/platform';
import type { Request, Response } from 'express';
import { PublicationsService } from '../publications.service';
import { atomFeed } from './atom';
import { FeedQueryDto } from './feed-query.dto';

@ApiTags('feeds')
@Controller('api/v1/feeds')
export class FeedsController {
  constructor(
    private readonly publications: PublicationsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Atom feed of publications (pledges published, progress updates validated,
   * reports published), newest 50, for one country, objective or theme or for all.
   */
  @Public()
  @Get('publications')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'An Atom 1.0 feed', content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  async publicationsFeed(@Query() q: FeedQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const filters = [q.country, q.objective, q.theme].filter((v) => v !== undefined);
    if (filters.length > 1) throw DomainError.invalid('country', 'Give one of country, objective or theme, not several');
    const entries = await this.publications.list({ country: q.country, objective: q.objective, theme: q.theme, kinds: q.kind ? [q.kind] : undefined });
    const site = this.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`;
    const filter = q.country ? `country:${q.country}` : q.objective ? `objective:${q.objective}` : q.theme ? `theme:${q.theme}` : 'all';
    const title = q.country
      ? `GCM Tracker: publications for ${q.country}`
      : q.objective ? `GCM Tracker: publications on objective ${q.objective}`
        : q.theme ? `GCM Tracker: publications on theme ${q.theme}` : 'GCM Tracker: publications';
    const self = new URL(req.originalUrl, site).toString();
    res.type('application/atom+xml; charset=utf-8').setHeader('Cache-Control', 'public, max-age=60');
    res.send(atomFeed({ id: `urn:gcm-tracker:feed:${filter}${q.kind ? `:${q.kind}` : ''}`, title, self, site }, entries));
  }
}
