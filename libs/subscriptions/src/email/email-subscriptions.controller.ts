import { Body, Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ClientIp, Public } from '@gcm/platform';
import type { Response } from 'express';
import { ConfirmSubscriptionDto, SubscribeDto, UnsubscribeBodyDto, UnsubscribeQueryDto } from './email-subscription.dto';
import { ConfirmedSubscriptionView, SubscriptionRequestedView, UnsubscribedView } from './email-subscription.view';
import { EmailSubscriptionsService } from './email-subscriptions.service';

/** E-mail subscriptions for observers, without an account. */
@ApiTags('subscriptions')
@Public()
@Controller('api/v1/subscriptions')
export class EmailSubscriptionsController {
  constructor(private readonly subscriptions: EmailSubscriptionsService) {}

  /**
   * Asks to follow a country, an objective, a theme or the cycle digest by e-mail: a confirmation link is mailed
   * (it works once, for SUBSCRIPTION_CONFIRM_TTL_HOURS). The answer is the same whether the address is new, pending
   * or already subscribed. Limited per address and per client address (429 with Retry-After).
   */
  @Post()
  @HttpCode(202)
  @ApiErrorResponses({ 429: 'Too many requests for this address or from this client address (Retry-After)' })
  subscribe(@Body() dto: SubscribeDto, @ClientIp() ip: string): Promise<SubscriptionRequestedView> {
    return this.subscriptions.subscribe(dto, ip);
  }

  /** Confirms a subscription with its link's token. */
  @Post('confirm')
  @HttpCode(200)
  @ApiErrorResponses({ 404: 'Not a confirmation link (details.reason `unknown`)', 409: 'Already confirmed (`used`) or expired (`expired`): nothing changed' })
  confirm(@Body() dto: ConfirmSubscriptionDto): Promise<ConfirmedSubscriptionView> {
    return this.subscriptions.confirm(dto.token);
  }

  /**
   * Ends every subscription of the address: RFC 8058 one-click (the mail's `List-Unsubscribe` URL, POSTed with
   * `List-Unsubscribe=One-Click`, token in the query) or the unsubscribe page (token in the body). No sign-in.
   */
  @Post('unsubscribe')
  @HttpCode(200)
  @ApiErrorResponses({ 404: 'Not an unsubscribe link' })
  unsubscribe(@Query() query: UnsubscribeQueryDto, @Body() body: UnsubscribeBodyDto, @Res({ passthrough: true }) res: Response): Promise<UnsubscribedView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.subscriptions.unsubscribe(query.token ?? body.token);
  }
}
