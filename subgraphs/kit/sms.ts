import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SmsMessage {
  /** Stable id of the message: the provider uses it to drop a second delivery. */
  id: string;
  to: string;
  text: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

/**
 * For local use: "sends" by appending a JSON line to a file. It keeps the ids it has
 * written, read back from the file, so a message relayed again after a crash is not
 * written twice.
 */
export class LogFileSmsProvider implements SmsProvider {
  readonly name = 'log-file';
  private delivered: Set<string> | null = null;

  constructor(readonly path: string) {}

  private load(): Set<string> {
    if (this.delivered) return this.delivered;
    const ids = new Set<string>();
    if (existsSync(this.path)) {
      for (const line of readFileSync(this.path, 'utf8').split('\n')) {
        if (line.trim()) ids.add((JSON.parse(line) as { id: string }).id);
      }
    }
    this.delivered = ids;
    return ids;
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const delivered = this.load();
    if (!delivered.has(message.id)) {
      mkdirSync(dirname(this.path), { recursive: true });
      appendFileSync(
        this.path,
        `${JSON.stringify({ ...message, at: new Date().toISOString() })}\n`,
      );
      delivered.add(message.id);
    }
    return { providerMessageId: message.id };
  }
}

/**
 * A real SMS gateway over HTTP: POST {to, text} as JSON with an Idempotency-Key header
 * (the message id), so the gateway drops a repeated delivery.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 5000,
    private readonly token?: string,
  ) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.id,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: message.to, text: message.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return { providerMessageId: body.id ?? message.id };
  }
}
