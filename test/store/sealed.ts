import { createHash } from 'node:crypto';

/** A file as the fact store writes it: compact JSON ending with the sha256 of what precedes the checksum. */
export function sealed(value: unknown): string {
  const body = JSON.stringify(value).slice(0, -1);
  return `${body},"checksum":"${createHash('sha256').update(body).digest('hex')}"}`;
}
