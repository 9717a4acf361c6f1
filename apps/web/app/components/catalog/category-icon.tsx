import type { ReactNode, SVGProps } from 'react';

/**
 * Line icons for categories, drawn inline (no icon font, no request). Categories name their icon
 * after the Tabler set ("tools-kitchen-2"); a few shapes cover the families, matched by keyword,
 * and anything else falls back to the tag.
 */
const paths: Record<string, ReactNode> = {
  sparkles: (
    <>
      <path d="M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9z" />
      <path d="M19 16l.8 2.2L22 19l-2.2.8L19 22l-.8-2.2L16 19l2.2-.8z" />
    </>
  ),
  utensils: (
    <>
      <path d="M4 3v7a3 3 0 0 0 6 0V3" />
      <path d="M7 3v18" />
      <path d="M17 21V3c-2.5 1.5-3.5 4-3.5 7.5V13H17" />
    </>
  ),
  mountain: (
    <>
      <path d="M3 20l6-11 4 6 2-3 6 8z" />
      <circle cx="17" cy="6" r="2" />
    </>
  ),
  plane: <path d="M2 15l20-7-6 12-3-5-5 3 1-4z" />,
  dumbbell: (
    <>
      <path d="M6 7v10M18 7v10M3 10v4M21 10v4M6 12h12" />
    </>
  ),
  shoppingBag: (
    <>
      <path d="M5 8h14l-1 13H6z" />
      <path d="M9 8V6a3 3 0 0 1 6 0v2" />
    </>
  ),
  home: (
    <>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h14V10" />
    </>
  ),
  tag: (
    <>
      <path d="M3 12V3h9l9 9-9 9z" />
      <circle cx="7.5" cy="7.5" r="1.5" />
    </>
  ),
};

const keywords: [RegExp, string][] = [
  [/sparkle|spa|massage|beauty|brush|scissors|lipstick|flower/, 'sparkles'],
  [/kitchen|utensil|chef|pizza|coffee|cup|bowl|meat|salad|restaurant|food/, 'utensils'],
  [/plane|beach|luggage|map|world|hotel|bed|sun/, 'plane'],
  [/barbell|dumbbell|run|swim|bike|ball|yoga|gym|heartbeat/, 'dumbbell'],
  [/mountain|tent|ticket|mask|movie|music|device-gamepad|confetti|camera/, 'mountain'],
  [/shopping|shirt|bag|gift|diamond|device|basket/, 'shoppingBag'],
  [/home|sofa|armchair|tool|hammer|car/, 'home'],
];

function shapeOf(name: string | null | undefined): string {
  if (!name) return 'tag';
  if (name in paths) return name;
  return keywords.find(([pattern]) => pattern.test(name))?.[1] ?? 'tag';
}

export function CategoryIcon({ name, ...props }: { name: string | null | undefined } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={28}
      height={28}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {paths[shapeOf(name)]}
    </svg>
  );
}
