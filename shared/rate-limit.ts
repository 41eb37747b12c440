import { RateLimiterMemory } from 'rate-limiter-flexible'

export type RateLimit = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * A named fixed-window limit per key (usually the client IP), in process memory: each server process
 * counts its own clients. Behind several replicas use a shared store (see docs/operations.md).
 */
export const createLimiter = (points: number, durationSeconds: number) => {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds })
  return async (key: string): Promise<RateLimit> => {
    try {
      await limiter.consume(key)
      return { ok: true }
    } catch (rejection) {
      const ms = (rejection as { msBeforeNext?: number }).msBeforeNext ?? durationSeconds * 1000
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) }
    }
  }
}
