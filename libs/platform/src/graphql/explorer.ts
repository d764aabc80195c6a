import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { Public } from '../auth/decorators.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

/**
 * The API explorer of development: GraphiQL, answering browsers' GET /graphql,
 * with every script and style served by the api itself from the npm packages
 * (development dependencies), so it works on a machine without internet and
 * nothing of a session leaves it. Off in production.
 */
export const EXPLORER_PATH = '/explorer';

const require = createRequire(import.meta.url);
const fileOf = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/** What the page loads: a fixed list, so no request names a file of its own. */
function resolveAssets(): Map<string, string> {
  return new Map([
    ['react.js', fileOf('react', 'umd/react.production.min.js')],
    ['react-dom.js', fileOf('react-dom', 'umd/react-dom.production.min.js')],
    ['graphiql.js', fileOf('graphiql', 'graphiql.min.js')],
    ['graphiql.css', fileOf('graphiql', 'graphiql.min.css')],
  ]);
}

// The page's own script, served from our origin like the rest so the policy below needs no 'unsafe-inline' for scripts.
const START_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolbarTabs: 'headers',
    defaultQuery: [
      '# The careers network API (docs/graphql.md). Sign in, then put the accessToken',
      '# under Headers below:  { "Authorization": "Bearer <accessToken>" }',
      'mutation { signIn(input: { email: "student@demo.ac.uk", password: "careers-demo-2026" }) { accessToken } }',
      '',
    ].join('\\n'),
  }),
);
`;

// The page's Content-Security-Policy comes as a header, EXPLORER_CONTENT_SECURITY_POLICY (http/security-headers.ts):
// the browser refuses anything from another origin (fonts and icons come as data: URLs in the stylesheet).
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Careers network API explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_PATH}/graphiql.css">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading the API explorer…</div>
<script src="${EXPLORER_PATH}/react.js"></script>
<script src="${EXPLORER_PATH}/react-dom.js"></script>
<script src="${EXPLORER_PATH}/graphiql.js"></script>
<script src="${EXPLORER_PATH}/start.js"></script>
</body>
</html>
`;

const MISSING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Careers network API</title></head>
<body><p>The API explorer is not installed: it comes with the development dependencies (<code>npm ci</code>).
GraphQL itself answers POST requests here.</p></body></html>
`;

/** Apollo's landing page (what a browser's GET /graphql shows) in development. */
export function explorerLandingPage(logger: Logger): ApolloServerPlugin {
  return {
    async serverWillStart() {
      let installed = true;
      try {
        resolveAssets();
      } catch (err) {
        installed = false;
        logger.warn({ err }, 'The API explorer is not installed (development dependencies); GET /graphql says so');
      }
      return {
        async renderLandingPage() {
          return { html: installed ? PAGE : MISSING_PAGE };
        },
      };
    },
  };
}

/** The explorer's scripts and styles; 404 in production, where the explorer is off. */
@Controller(EXPLORER_PATH.slice(1))
export class ExplorerController {
  private assets?: Map<string, string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get(':file')
  file(@Param('file') name: string, @Res() res: Response): void {
    if (this.config.NODE_ENV === 'production') throw new NotFoundException();
    if (name === 'start.js') {
      res.type('text/javascript').send(START_SCRIPT);
      return;
    }
    let path: string | undefined;
    try {
      this.assets ??= resolveAssets();
      path = this.assets.get(name);
    } catch {
      // not installed: as if the file did not exist
    }
    if (!path) throw new NotFoundException();
    res.sendFile(path, { maxAge: '1h' });
  }
}
