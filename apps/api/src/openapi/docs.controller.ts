import { dirname, join } from 'node:path';
import { Controller, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { z } from 'zod';
import { access } from '@sla/access-control';
import { defineRoute, Endpoint, errorResponseSchema } from '@sla/nest-platform';

/** Swagger UI's files, served by the API itself from node_modules: the reference works with no internet. */
const swaggerUiFolder = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['index.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['swagger-ui-standalone-preset.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
  ['favicon-16x16.png', 'image/png'],
]);

/** Points Swagger UI at this API's own document; a file rather than inline script so a strict CSP can allow it. */
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>SLA compliance engine: API reference</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="stylesheet" href="/docs/index.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
    <script src="/docs/swagger-initializer.js" charset="UTF-8"></script>
  </body>
</html>
`;

type FileResponse = {
  type(contentType: string): void;
  send(body: string): void;
  sendFile(path: string, options: { maxAge: number }): void;
};

export const docsPageRoute = defineRoute({
  method: 'get',
  path: '/docs',
  tag: 'operations',
  access: access.public,
  status: 200,
  summary: 'Interactive API reference (Swagger UI) over this document, served with its assets by the API itself',
  responses: { 200: { description: 'the page', contentType: 'text/html', schema: z.string() } },
});

export const docsAssetRoute = defineRoute({
  method: 'get',
  path: '/docs/{asset}',
  tag: 'operations',
  access: access.public,
  status: 200,
  summary: 'A script, style sheet or icon of the API reference page',
  responses: {
    200: { description: 'the file' },
    404: { description: "not one of the reference page's files", schema: errorResponseSchema },
  },
});

/** The interactive API reference (Swagger UI) over /openapi.json. */
@Controller()
export class DocsController {
  @Endpoint(docsPageRoute)
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Endpoint(docsAssetRoute)
  asset(@Param('asset') asset: string, @Res() response: FileResponse): void {
    if (asset === 'swagger-initializer.js') {
      response.type('text/javascript; charset=utf-8');
      return response.send(INITIALIZER);
    }
    // Only the listed files: the name never reaches the file system otherwise.
    const contentType = ASSETS.get(asset);
    if (!contentType) throw new NotFoundException(`no asset '${asset}' in the API reference`);
    response.type(contentType);
    response.sendFile(join(swaggerUiFolder, asset), { maxAge: 24 * 60 * 60 * 1_000 });
  }
}
