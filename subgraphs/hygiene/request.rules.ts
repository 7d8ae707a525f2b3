import { ErrorCode, badInput } from '../kit/errors.js';

export const MAX_REQUEST_TEXT = 2000;
export const MAX_PLACE = 200;

/** The request's text: what is wrong. Not empty, and short enough for an agent to read. */
export function assertRequestText(value: string): string {
  const text = value.trim();
  if (text.length === 0)
    throw badInput(ErrorCode.TEXT_REQUIRED, 'text must say what is wrong; it is empty', 'text');
  if (text.length > MAX_REQUEST_TEXT) {
    throw badInput(
      ErrorCode.TEXT_TOO_LONG,
      `text is ${text.length} characters; at most ${MAX_REQUEST_TEXT}`,
      'text',
    );
  }
  return text;
}

/** Where it is: a street, a landmark. */
export function assertPlace(value: string): string {
  const place = value.trim();
  if (place.length === 0 || place.length > MAX_PLACE) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `place must be 1 to ${MAX_PLACE} characters (a street, a landmark)`,
      'place',
    );
  }
  return place;
}

/** A justification or note, trimmed; null when blank. */
export const cleanNote = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim().slice(0, MAX_REQUEST_TEXT) : null;
