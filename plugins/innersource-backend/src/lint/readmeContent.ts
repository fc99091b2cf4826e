import { DocumentBlock, DocumentHeading } from './documentOutline';

/** Fewer words than this do not describe anything ("WIP", "Ledger SDK"). */
const MIN_DESCRIPTION_WORDS = 3;

/**
 * Whether a paragraph says something in words, rather than being a row of badges, images, links
 * (a table of contents, a navigation bar) or bare URLs. Links inside a sentence are fine: only
 * the words around them count.
 */
export function isProse(paragraph: string): boolean {
  const remaining = paragraph
    .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, ' ') // linked image (a badge)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // image
    .replace(/!?\[[^\]]*\]\[[^\]]*\]/g, ' ') // reference-style image or link
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ') // link reference definition
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ') // link
    .replace(/<[^>]*>/g, ' ') // HTML tags
    .replace(/`[^`]*<[^>]+>`_{1,2}/g, ' ') // RST link
    .replace(/\|[^|\s][^|]*\|_{0,2}/g, ' ') // RST substitution (badges)
    .replace(/\b(?:image|link):{1,2}\S*\[[^\]]*\]/g, ' ') // AsciiDoc image and link macros
    .replace(/\bhttps?:\/\/\S+/g, ' '); // bare URL
  const words = remaining.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
  return words.filter(word => word.length >= 2).length >= MIN_DESCRIPTION_WORDS;
}

/** The title of a README and what stands before it. */
export interface ReadmeTitle {
  heading?: DocumentHeading;
  /** The first prose paragraph before the first heading, which then cannot be a title "at the start". */
  proseBefore?: { text: string; line: number };
}

/**
 * The README's title: its first heading, as long as no prose comes before it. Logos, badges and
 * HTML may precede a title; an introduction may not (then the first heading is a section).
 */
export function readmeTitle(blocks: DocumentBlock[]): ReadmeTitle {
  for (const block of blocks) {
    if (block.kind === 'heading') {
      return { heading: block };
    }
    if (isProse(block.text)) {
      const firstHeading = blocks.find(b => b.kind === 'heading');
      return {
        ...(firstHeading ? { heading: firstHeading } : {}),
        proseBefore: { text: block.text, line: block.line },
      };
    }
  }
  return {};
}

/** Section headings that introduce the description itself ("## About", "## Mission"). */
const PURPOSE_HEADING =
  /\b(about|overview|introduction|intro|description|what is|mission|purpose|motivation|why)\b/i;

/**
 * The first prose paragraph that describes the project: after the title and before the next
 * heading, or under a first section about the project's purpose ("## Mission", as the Base
 * Documentation template has it). Prose before the first heading counts too: then the title is
 * what is missing, and `readmeTitle` says so.
 */
export function readmeDescription(
  blocks: DocumentBlock[],
): { text: string; line: number } | undefined {
  let seenTitle = false;
  let inPurposeSection = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (!seenTitle) {
        seenTitle = true;
        continue;
      }
      if (inPurposeSection || !PURPOSE_HEADING.test(block.text)) {
        return undefined;
      }
      inPurposeSection = true;
      continue;
    }
    if (isProse(block.text)) return { text: block.text, line: block.line };
  }
  return undefined;
}

/** A kind of section the Base Documentation pattern asks a README to have. */
export interface ReadmeSectionArea {
  id: string;
  /** How messages name it. */
  label: string;
  /** Heading words that count for it, matched as whole words, case-insensitive. */
  synonyms: string[];
}

/** The README sections of the pattern *Base Documentation*, with the words people use for them. */
export const README_SECTION_AREAS: ReadmeSectionArea[] = [
  {
    id: 'getting-started',
    label: 'getting started',
    synonyms: [
      'getting started',
      'get started',
      'quick start',
      'quickstart',
      'installation',
      'install',
      'installing',
      'usage',
      'how to use',
      'setup',
      'set up',
      'first steps',
    ],
  },
  {
    id: 'getting-help',
    label: 'getting help',
    synonyms: [
      'getting help',
      'get help',
      'support',
      'help',
      'faq',
      'contact',
      'questions',
    ],
  },
  {
    id: 'getting-involved',
    label: 'getting involved',
    synonyms: [
      'getting involved',
      'get involved',
      'communication',
      'community',
      'channels',
      'chat',
      'slack',
      'discussions',
      'mailing list',
    ],
  },
  {
    id: 'maintainers',
    label: 'who maintains it',
    synonyms: [
      'maintainers',
      'maintainer',
      'maintained by',
      'trusted committers',
      'trusted committer',
      'who we are',
      'team',
      'owners',
      'ownership',
      'core team',
    ],
  },
  {
    id: 'contributing',
    label: 'contributing',
    synonyms: [
      'contributing',
      'contribute',
      'how to contribute',
      'contribution',
      'contributions',
    ],
  },
];

function synonymPattern(synonym: string): RegExp {
  // "quick start" also matches "Quick-start" and "quickstart"; whole words only, so "help"
  // does not match "helpers".
  const words = synonym
    .split(/\s+/)
    .map(word => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join('[\\s_-]*')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
}

/** Which README section areas the headings cover, with the heading that covers each. */
export function matchReadmeSections(
  headings: DocumentHeading[],
  areas: ReadmeSectionArea[] = README_SECTION_AREAS,
): Array<{ area: ReadmeSectionArea; heading?: DocumentHeading }> {
  return areas.map(area => {
    const patterns = area.synonyms.map(synonymPattern);
    const heading = headings.find(h => patterns.some(p => p.test(h.text)));
    return heading ? { area, heading } : { area };
  });
}
