import type http from 'node:http';

/** Someone the development sign-in page offers: a seeded citizen, an agent, a ministry. */
export interface DevPersona {
  id: string;
  group: 'citizen' | 'agent' | 'ministry';
  label: string;
}

export interface DevIdentity {
  personas: readonly DevPersona[];
  /** A caller token for the persona, signed as the local identity provider signs it. */
  mint(id: string): Promise<string | null>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Only a path of this origin: the page must not hand a token to another site. */
const safeRedirect = (value: string | null) =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/';

function page(personas: readonly DevPersona[], redirect: string, state: string): string {
  const groups: [DevPersona['group'], string][] = [
    ['citizen', 'Citizens · المواطنون · Citoyens'],
    ['agent', 'Commune agents · أعوان البلدية · Agents communaux'],
    ['ministry', 'Ministries · الوزارات · Ministères'],
  ];
  const sections = groups
    .map(([group, title]) => {
      const items = personas
        .filter((p) => p.group === group)
        .map(
          (p) =>
            `<li><button type="submit" name="persona" value="${escapeHtml(p.id)}">${escapeHtml(p.label)}</button></li>`,
        )
        .join('');
      return items ? `<h2>${title}</h2><ul>${items}</ul>` : '';
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local identity provider (development)</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:1rem auto;padding:0 1rem;color:#111}
.warn{background:#fff3cd;border:1px solid #8a6d00;padding:.5rem 1rem}
ul{list-style:none;padding:0}li{margin:.4rem 0}
button{font:inherit;width:100%;text-align:start;padding:.7rem;border:1px solid #1d4ed8;background:#fff;color:#1d3a8a;border-radius:.4rem;cursor:pointer}
button:focus,button:hover{outline:3px solid #1d4ed8;background:#eef2ff}</style></head>
<body><h1>Local identity provider</h1>
<p class="warn">Development only: anyone may sign in as anyone here. Production signs in through the configured OIDC issuer.</p>
<form method="post" action="/dev-identity/authorize">
<input type="hidden" name="redirect_uri" value="${escapeHtml(redirect)}">
<input type="hidden" name="state" value="${escapeHtml(state)}">
${sections}</form></body></html>`;
}

function readForm(req: http.IncomingMessage, limit = 4096): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) reject(new Error('form too large'));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/**
 * The sign-in page of the local identity provider, for development only: it lists some
 * seeded people and, once one is chosen, sends the browser back to the app with a token
 * in the URL fragment (never sent to a server). Production has no such page: the app
 * signs in with the OIDC issuer (README).
 */
export function devIdentityRoutes(identity: DevIdentity) {
  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean => {
    if (url.pathname !== '/dev-identity/authorize') return false;
    if (req.method === 'GET') {
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(
        page(
          identity.personas,
          safeRedirect(url.searchParams.get('redirect_uri')),
          url.searchParams.get('state') ?? '',
        ),
      );
      return true;
    }
    if (req.method !== 'POST') return false;
    readForm(req)
      .then(async (form) => {
        const token = await identity.mint(form.get('persona') ?? '');
        if (!token) {
          res.statusCode = 400;
          res.setHeader('content-type', 'text/plain; charset=utf-8');
          return void res.end('unknown persona');
        }
        const fragment = new URLSearchParams({
          access_token: token,
          state: form.get('state') ?? '',
        });
        res.statusCode = 303;
        res.setHeader('cache-control', 'no-store');
        res.setHeader('location', `${safeRedirect(form.get('redirect_uri'))}#${fragment}`);
        res.end();
      })
      .catch(() => {
        res.statusCode = 400;
        res.end();
      });
    return true;
  };
}
