import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { limitExposure } from './common/http/exposure';
import { AppConfig } from './config/app-config';

/** What main.ts and the end-to-end tests both apply to the app: what each port shows, and the OpenAPI document. */
export function setUpApp(app: INestApplication): void {
  limitExposure(app, app.get(AppConfig));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tarot bot – internal API')
      .setDescription('Operators manage users, readings and money. Bearer token from ADMIN_API_TOKENS.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
