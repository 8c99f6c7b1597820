import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ParamUuidPipe, Roles } from '@gcm/platform';
import { CreateWebhookDto } from './webhook.dto';
import { CreatedWebhookView, WebhookDeliveryView, WebhookView } from './webhook.view';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Roles('secretariat')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Registers a webhook for publication events; the signing secret is in this answer only. */
  @Post()
  create(@Body() dto: CreateWebhookDto, @CurrentUser() user: AuthUser): Promise<CreatedWebhookView> {
    return this.webhooks.create(dto, user.id);
  }

  /** Every webhook, with whether it is active and why not (secrets are never shown again). */
  @Get()
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  /** The latest 200 deliveries of a webhook: status, attempts, the receiver's answer. */
  @Get(':id/deliveries')
  deliveries(@Param('id', new ParamUuidPipe()) id: string): Promise<WebhookDeliveryView[]> {
    return this.webhooks.deliveries(id);
  }

  /** Turns a webhook back on (e.g. after it was disabled for failing); it gets publications from now on. */
  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', new ParamUuidPipe()) id: string): Promise<WebhookView> {
    return this.webhooks.setActive(id, true);
  }

  /** Stops deliveries to a webhook, keeping it and its history. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@Param('id', new ParamUuidPipe()) id: string): Promise<WebhookView> {
    return this.webhooks.setActive(id, false);
  }

  /** Deletes a webhook and its delivery history. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', new ParamUuidPipe()) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }
}
