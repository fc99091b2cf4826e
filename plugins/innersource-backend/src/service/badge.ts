import { ReadinessLevel } from '@innersource-backstage/plugin-innersource-common';

const LEVEL_COLORS: Record<ReadinessLevel, string> = {
  gold: '#b08d1a',
  silver: '#6e7b82',
  bronze: '#a0602c',
  none: '#9f9f9f',
};

/** Rough width of text in the badge font (Verdana 11px), as shields.io-style badges estimate it. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if ("ilj.,:;|!'".includes(ch)) width += 3.5;
    else if ('mwMW'.includes(ch)) width += 10;
    else if (ch === ' ') width += 3.6;
    else if (/[A-Z0-9]/.test(ch)) width += 7.5;
    else width += 6.5;
  }
  return Math.ceil(width);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, ch => `&#${ch.charCodeAt(0)};`);
}

/**
 * An SVG badge with the readiness level and score, for owners to embed in their README:
 * `InnerSource | gold · 92`.
 */
export function readinessBadgeSvg(options: {
  level: ReadinessLevel;
  score: number;
}): string {
  const label = 'InnerSource';
  const value = `${options.level} · ${Math.round(options.score)}`;
  const labelWidth = textWidth(label) + 12;
  const valueWidth = textWidth(value) + 12;
  const width = labelWidth + valueWidth;
  const color = LEVEL_COLORS[options.level];
  const title = `InnerSource readiness: ${value}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(
    title,
  )}">
  <title>${escapeXml(title)}</title>
  <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
  <clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
  <g clip-path="url(#r)">
    <rect width="${labelWidth}" height="20" fill="#555"/>
    <rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${color}"/>
    <rect width="${width}" height="20" fill="url(#s)"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
    <text x="${labelWidth / 2}" y="14">${escapeXml(label)}</text>
    <text x="${labelWidth + valueWidth / 2}" y="14">${escapeXml(value)}</text>
  </g>
</svg>
`;
}
