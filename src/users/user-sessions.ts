import { EntityManager } from 'typeorm';

/**
 * Ends every session of a user (disabled, password changed or reset). Auth owns sessions and sits
 * above users, so it provides this under USER_SESSIONS (docs/ARCHITECTURE.md, "Layers").
 */
export interface UserSessions {
  /** Revokes all of the user's refresh tokens, inside the caller's unit of work. */
  endAll(em: EntityManager, userId: string): Promise<void>;
}

export const USER_SESSIONS = Symbol('USER_SESSIONS');
