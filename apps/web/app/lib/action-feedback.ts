/** What actions return to their page: success, or a message plus per-field messages. */
export type ActionFeedback =
  | { ok: true }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string>;
      /** Set when the refusal was a plan's limit: where the upgrade button leads. */
      upgradeUrl?: string;
    };
