import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Scripts only from here; images may be data: URLs (the extract's QR code); the app talks
 * to this origin and, when one is configured, to the OIDC provider (discovery and token
 * endpoint, fetched from the browser in the authorization-code flow).
 */
const csp = (connect: readonly string[]) =>
  `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src ${["'self'", ...connect].join(' ')}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

/**
 * Serves the built web app (web/ → `npm run web:build`) beside /graphql: its files, and
 * index.html for any other path without an extension (the app's own routes). Hashed
 * assets are cached for a year, index.html never.
 */
export function webStaticRoutes(dir: string, connectOrigins: readonly string[] = []) {
  const root = resolve(dir);
  const policy = csp(connectOrigins);
  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)));
    } catch {
      return false;
    }
    if (path !== root && !path.startsWith(root + sep)) return false;
    let file = path;
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(url.pathname) !== '') return false;
      file = join(root, 'index.html');
      if (!existsSync(file)) return false;
    }
    res.statusCode = 200;
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', policy);
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader(
      'cache-control',
      file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(file).pipe(res);
    return true;
  };
}
