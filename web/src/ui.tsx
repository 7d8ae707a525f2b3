import { useId, type ReactNode } from 'react';
import { useI18n } from './i18n';

/** A labelled input: the label is tied to it, for screen readers and a larger touch target. */
export function Field(props: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  type?: string;
  required?: boolean;
  pattern?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  autoComplete?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        pattern={props.pattern}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        dir={props.dir}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function Select(props: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  options: readonly string[];
}) {
  const id = useId();
  const { w } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {w(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A wide table scrolls sideways on a phone; the scrolling box is focusable and named, so
 * a keyboard user can scroll it too (WCAG 2.1.1, axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

export function Section(props: { title: string; children: ReactNode; id?: string }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} id={props.id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** An error in words (role=alert: read out when it appears), with the server's message below. */
export function ErrorNote({ error }: { error: { code: string; message: string } | null }) {
  const { w } = useI18n();
  if (!error) return null;
  const words = w(error.code);
  return (
    <p className="error" role="alert" data-code={error.code}>
      {words !== error.code ? words : error.message}
      {words !== error.code && error.message ? <small dir="auto"> ({error.message})</small> : null}
    </p>
  );
}
