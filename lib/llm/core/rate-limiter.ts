// Requests-per-minute and tokens-per-minute over a rolling 60-second window, enforced by waiting. A burst within
// the limits starts at once (parallel agents stay parallel); only what is over the limit waits, in arrival order.
import { sleep, untilAborted } from "./signals.ts";

/** Per rolling minute; an unset field is not limited. */
export type RateLimits = { requestsPerMinute?: number; tokensPerMinute?: number };

/** One request counted in the window; `tokens` starts as an estimate and is corrected with the real usage. */
export type RateLimitTicket = { at: number; tokens: number };

export type RateLimiterOptions = { windowMs?: number; now?: () => number };

export class RollingWindowLimiter {
  private readonly windowMs: number;
  private readonly now: () => number;
  private tickets: RateLimitTicket[] = [];
  private waiting = 0;
  private queueTail: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes a slot for a request of about `tokens` tokens, waiting while the window is full. */
  async acquire(tokens: number, limits: RateLimits, signal: AbortSignal | undefined, provider = "llm") {
    if (this.waiting === 0) {
      const ticket = this.tryTake(tokens, limits);
      if (ticket) return ticket;
    }
    this.waiting++;
    const previous = this.queueTail;
    let release!: () => void;
    this.queueTail = new Promise((resolve) => (release = resolve));
    let hasTurn = false;
    try {
      await untilAborted(previous, signal, provider);
      hasTurn = true;
      return await this.waitForRoom(tokens, limits, signal, provider);
    } finally {
      this.waiting--;
      // A waiter that gives up before its turn hands its place on only when the one ahead of it is done.
      if (hasTurn) release();
      else void previous.then(release);
    }
  }

  /** Replaces a ticket's estimate with the tokens the provider reported. */
  record(ticket: RateLimitTicket, tokens: number): void {
    ticket.tokens = tokens;
  }

  private async waitForRoom(tokens: number, limits: RateLimits, signal: AbortSignal | undefined, provider: string) {
    for (;;) {
      const ticket = this.tryTake(tokens, limits);
      if (ticket) return ticket;
      await sleep(this.msUntilRoom(tokens, limits), signal, provider);
    }
  }

  private tryTake(tokens: number, limits: RateLimits): RateLimitTicket | undefined {
    const now = this.now();
    this.prune(now);
    const { requestsPerMinute = Infinity, tokensPerMinute = Infinity } = limits;
    if (this.tickets.length >= requestsPerMinute) return undefined;
    // A request larger than the whole budget still runs once the window is empty, or it would wait forever.
    const used = this.tokensInWindow();
    if (used > 0 && used + tokens > tokensPerMinute) return undefined;
    const ticket = { at: now, tokens };
    this.tickets.push(ticket);
    return ticket;
  }

  private msUntilRoom(tokens: number, limits: RateLimits): number {
    const now = this.now();
    const { requestsPerMinute = Infinity, tokensPerMinute = Infinity } = limits;
    let until = now;
    const overRequests = this.tickets.length - requestsPerMinute;
    if (overRequests >= 0) until = this.tickets[overRequests]!.at + this.windowMs;
    let excess = this.tokensInWindow() + tokens - tokensPerMinute;
    for (const ticket of this.tickets) {
      if (excess <= 0) break;
      excess -= ticket.tokens;
      until = Math.max(until, ticket.at + this.windowMs);
    }
    return Math.max(1, until - now);
  }

  private prune(now: number): void {
    let expired = 0;
    while (expired < this.tickets.length && this.tickets[expired]!.at + this.windowMs <= now) expired++;
    if (expired > 0) this.tickets = this.tickets.slice(expired);
  }

  private tokensInWindow(): number {
    let total = 0;
    for (const ticket of this.tickets) total += ticket.tokens;
    return total;
  }
}

/**
 * A rough input count (about four characters a token): the ticket holds it until the provider reports the real
 * usage, input and output, when the call ends.
 */
export function estimateTokens(texts: Iterable<string>): number {
  let characters = 0;
  for (const text of texts) characters += text.length;
  return Math.ceil(characters / 4);
}
