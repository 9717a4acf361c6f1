import { hash } from 'node:crypto';
import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';

export interface UserAgentFacts {
  device: string;
  browser: string | null;
  os: string | null;
}

/**
 * Link unfurlers that isbot may not know, matched on top of it: their fetch builds a preview
 * card in a chat or a feed, no person clicked.
 */
const previewAgents =
  /(slackbot|facebookexternalhit|facebot|whatsapp|telegrambot|discordbot|twitterbot|linkedinbot|skypeuripreview|pinterest|redditbot|embedly|iframely|vkshare|snapchat|bitlybot|google-pagerenderer|applebot|bingpreview|mastodon|signal|viber|line\/|kakaotalk)/i;

const maxParsed = 5000;

/** Bot verdicts by user agent: isbot's pattern is long, and the same few agents repeat all day. */
const botVerdicts = new Map<string, boolean>();

/** A fetch that is not a person clicking: HEAD, no user agent, a known bot or link unfurler. */
export function isPreviewFetch(method: string, userAgent: string): boolean {
  if (method === 'HEAD') return true;
  if (userAgent.length === 0) return true;
  let verdict = botVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = previewAgents.test(userAgent) || isbot(userAgent);
    if (botVerdicts.size >= maxParsed) botVerdicts.clear();
    botVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

/** Parsing a user agent costs tens of microseconds; a few thousand distinct ones cover most traffic. */
const parsed = new Map<string, UserAgentFacts>();

export function userAgentFacts(userAgent: string): UserAgentFacts {
  const known = parsed.get(userAgent);
  if (known) return known;
  const result = new UAParser(userAgent).getResult();
  const facts: UserAgentFacts = {
    // ua-parser leaves desktop browsers without a device type.
    device: result.device.type ?? 'desktop',
    browser: result.browser.name ?? null,
    os: result.os.name ?? null,
  };
  if (parsed.size >= maxParsed) parsed.clear();
  parsed.set(userAgent, facts);
  return facts;
}

/** Who clicked, without keeping who: a hash of address and user agent. */
export function visitorKey(ip: string, userAgent: string): string {
  // One-shot hashing: no Hash object per click.
  return hash('sha256', `${ip}\n${userAgent}`, 'base64url').slice(0, 22);
}

export function referrerHost(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * Unique clicks: the first click of a visitor on a link within the window. In memory per node
 * (a click reaches one node; a visitor bouncing between nodes may count twice, which stats
 * accept). Bounded: when full, the oldest half is forgotten.
 */
export class UniqueClickWindow {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs = 3_600_000,
    private readonly maxEntries = 200_000,
  ) {}

  /** True the first time the pair is seen within the window. */
  firstSeen(linkId: string, visitor: string, now: number): boolean {
    const key = `${linkId}|${visitor}`;
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    if (until !== undefined) this.seen.delete(key);
    if (this.seen.size >= this.maxEntries) this.forgetOldest();
    this.seen.set(key, now + this.windowMs);
    return true;
  }

  private forgetOldest(): void {
    // Maps iterate in insertion order: the first entries are the oldest.
    let toDrop = Math.floor(this.seen.size / 2);
    for (const key of this.seen.keys()) {
      if (toDrop-- <= 0) break;
      this.seen.delete(key);
    }
  }
}
