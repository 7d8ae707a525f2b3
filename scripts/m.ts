import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const entry = new URL('./w.ts', import.meta.url);
const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const code = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); })`;
const w = new Worker(code, { eval: true, workerData: { n: 41 } });
w.on('message', (m) => { console.log('got', m); w.terminate(); });
w.on('error', (e) => console.log('err', e));
