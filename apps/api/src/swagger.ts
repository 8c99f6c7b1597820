import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto, FieldErrorDto } from '@gcm/platform';
import { applyContract } from './openapi-contract';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GCM Tracker API')
    .setDescription(
      'Pledges, bi-annual progress reporting and IMRF summaries under the Global Compact for Safe, Orderly and Regular Migration. ' +
        'Public endpoints need no authentication; workspace endpoints take a bearer access token. ' +
        'Every error answers with one shape (ErrorBodyDto) whose `code` is stable and machine-readable.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    // Same origin as the page that reads it: the API serves the web app too.
    .addServer('/')
    .addBearerAuth()
    .build();
  return applyContract(app, SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto, FieldErrorDto] }));
}

export function mountSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
}
