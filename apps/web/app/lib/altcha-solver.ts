import type { AltchaChallenge } from '@souk/contracts/site';
import { useEffect, useState } from 'react';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Solves an ALTCHA challenge (v1): the number whose SHA-256 with the salt is the challenge. The
 * loop yields to the page every few hundred tries so typing stays smooth.
 */
export async function solveAltcha(challenge: AltchaChallenge, signal?: AbortSignal): Promise<string | null> {
  const max = challenge.maxnumber ?? 1_000_000;
  for (let number = 0; number <= max; number++) {
    if (signal?.aborted) return null;
    if ((await sha256Hex(`${challenge.salt}${number}`)) === challenge.challenge) {
      const payload = {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number,
        salt: challenge.salt,
        signature: challenge.signature,
      };
      return btoa(JSON.stringify(payload));
    }
    if (number % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}

export type AltchaState = { status: 'solving' } | { status: 'solved'; payload: string } | { status: 'failed' };

/** Starts solving once the page runs in the browser; a new challenge starts over. */
export function useAltchaSolution(challenge: AltchaChallenge | null): AltchaState {
  const [state, setState] = useState<AltchaState>({ status: 'solving' });
  useEffect(() => {
    if (!challenge) {
      setState({ status: 'failed' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'solving' });
    solveAltcha(challenge, controller.signal)
      .then((payload) => {
        if (!controller.signal.aborted) setState(payload ? { status: 'solved', payload } : { status: 'failed' });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      });
    return () => controller.abort();
  }, [challenge]);
  return state;
}
