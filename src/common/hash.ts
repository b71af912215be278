import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a secret token, as stored: the token itself is never kept. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A new unguessable token for links and sessions: 256 random bits, URL-safe. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');
