/* eslint-disable no-console */
/**
 * Benchmark of the readiness lint (issue #4 "Speed"): lint 2,000 repositories of realistic size
 * from a warm cache; time per repository and peak memory.
 *
 *   scripts/bench-lint.sh [--repos=2000] [--concurrency=2] [--rounds=1] [--seed=42]
 *                         [--parallel=2] [--no-warmup] [--regenerate]
 *
 * `--concurrency` takes a list, e.g. `--concurrency=1,2,4`: one measured run per value.
 * `--rounds=4` lints the repositories four times in each measured run, to show where the RSS
 * levels off. `--parallel` is how many repositories are generated at a time.
 *
 * 1. Generates once (cached under .data/bench/lint-v<version>-s<seed>/; more repositories are added
 *    when `--repos` asks for more than the cache holds) with a seeded PRNG and one
 *    `git fast-import` per repository, `--parallel` at a time:
 *    - bare "server" repositories of 30–300 files (skewed towards ~100) in a handful of folders, in
 *      1–3 commits: a README of 2–20 KB with headings (Markdown, some reStructuredText, AsciiDoc,
 *      plain), CONTRIBUTING (~60%, root, docs/ or .github/), CODEOWNERS (~50%: .github/, root,
 *      docs/, .gitlab/) naming teams, logins and emails, LICENSE (~70%), SECURITY.md,
 *      SUPPORT.md, CODE_OF_CONDUCT.md, issue templates (Markdown and forms), pull request
 *      templates, innersource.json, CI workflows, docs pages and source files; ~1% with a 5 MB
 *      file (a PDF in docs/, a data file, or the README itself);
 *    - a catalog: 600 Users (GitHub logins as annotations or names) in 60 teams of an
 *      organisation with 6 business units (70% of the teams with a team-slug annotation), and one
 *      Component per repository owned by a team;
 *    - the warm cache: each repository cloned once with `GitRepositoryCache.sync` (a blob-less
 *      partial clone, as in production), then linted once, which fetches the blobs the rules
 *      read (the "first lint after clone" figure).
 *    The first lint's figure is measured while generating (`--parallel` at a time).
 * 2. A warm-up pass (not counted), then per concurrency a fresh Node process (with --expose-gc)
 *    that lints every Component the way the refresh does: `new GitRepositoryFiles({ repo,
 *    entityPath: '', ... })`, `lintEntity({ entity, catalog, rules: [...metadataRules,
 *    ...fileRules], files })`, `files.close()`, `N` at a time. It records each repository's time;
 *    after 1/8, 1/4, 1/2 and all of the repositories the RSS, peak RSS (maxRSS), V8 heap, the
 *    heap retained after a full GC (GC time not counted) and the live child processes; the
 *    repositories after which the peak RSS rose most; the git processes started; and a digest of
 *    all findings, which must not change between runs or implementations of GitRepositoryFiles.
 *
 * Prints PASS/FAIL against the targets of the issue and exits 0 either way: it is a benchmark.
 */
import childProcess, { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { CatalogIndex } from '../src/compute/CatalogIndex';
import { lintEntity } from '../src/compute/lintEntity';
import { metadataRules } from '../src/compute/metadataRules';
import {
  GitRepositoryCache,
  SyncedRepository,
} from '../src/git/GitRepositoryCache';
import { fileRules, GitRepositoryFiles } from '../src/lint';
import {
  entity,
  withCatalogRelations,
} from '../src/__testUtils__/catalogFixtures';
import { numberFlag, parseFlags, positiveInteger } from './lib/args';
import { fmt, table, verdict } from './lib/format';
import { gitVersion, machineSummary } from './lib/machine';
import { maxRssMb, mb, msSince } from './lib/measure';
import { rng } from './lib/random';
import { percentile } from './lib/stats';
import {
  nodeArgsFor,
  readJob,
  runWorkerProcess,
  writeJob,
  writeResult,
} from './lib/worker';

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** Bump when the generated repositories or catalog change shape, so old caches are not reused. */
const GENERATOR_VERSION = 1;
const TARGETS = { msPerRepo: 20, rssGrowthPercent: 10 };
/** As the plugin's default `innersource.git.timeoutSeconds`. */
const GIT_TIMEOUT_MS = 300_000;
const TODAY = '2026-11-24';
/** Commits are dated in the weeks before this moment. */
const END = Date.parse('2026-11-24T12:00:00Z') / 1000;
const MB = 1048576;

// ---------------------------------------------------------------------------------------------
// Parameters

interface Params {
  repos: number;
  concurrency: number[];
  /** Lint the repositories this many times in each measured run (memory over more lints). */
  rounds: number;
  seed: number;
  parallel: number;
  warmup: boolean;
  regenerate: boolean;
}

function parseParams(argv: string[]): Params {
  const flags = parseFlags(argv);
  const num = (name: string, fallback: number) =>
    numberFlag(flags, name, fallback, positiveInteger);
  const concurrency = (flags.get('concurrency') ?? '2').split(',').map(Number);
  if (concurrency.some(c => !Number.isInteger(c) || c < 1)) {
    throw new Error('--concurrency must be a positive integer or a list');
  }
  return {
    repos: num('repos', 2000),
    concurrency,
    rounds: num('rounds', 1),
    seed: num('seed', 42),
    parallel: num('parallel', 2),
    warmup: !flags.has('no-warmup'),
    regenerate: flags.has('regenerate'),
  };
}

// ---------------------------------------------------------------------------------------------
// Deterministic content

type Random = () => number;

const pickOne = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

const words = (text: string) => text.trim().split(/\s+/);

const FIRST_NAMES =
  words(`Ada Alan Amir Ana Anja Arjun Aya Ben Bruno Carla Chen Dana Diego Elif
  Emil Eva Farah Felix Gita Hana Hugo Ines Ivan Jana Jonas Kai Kenji Lara Leon Lina Luca Maja Marek
  Mei Nadia Noah Olga Omar Paula Pedro Priya Rafael Rosa Sami Sara Tariq Tomas Uma Vera Yusuf Zoe`);
const LAST_NAMES =
  words(`Abe Bauer Costa Dahl Eriksen Fischer Garcia Haas Ito Jensen Kowalski
  Larsen Meyer Novak Okafor Park Quinn Rossi Silva Tanaka Ueda Vogel Weber Xu Yilmaz Zimmer Brandt
  Cruz Dubois Evans Fujita Gomez Horvat Ivanova Jovanovic Kim Lopez Moreau Nagy Olsen`);
const BUSINESS_UNITS = words(
  'payments retail logistics platform data identity',
);
const TEAM_NOUNS =
  words(`core checkout ledger search catalog pricing routing tracking
  insights reporting`);
const PROJECT_PREFIXES =
  words(`ledger payment invoice order cart price stock route parcel
  fleet warehouse customer account session token consent report metric event audit search
  catalog review rating notification email sms feature config secret schema billing tax refund
  loyalty coupon shipment label identity profile`);
const PROJECT_SUFFIXES =
  words(`service api sdk client gateway worker lib ui portal cli
  exporter importer sync adapter proxy scheduler engine store cache bridge`);
const NOUNS =
  words(`request response event payload schema record queue topic cache index
  token session account invoice order ledger entry batch job report metric dashboard endpoint
  client server module plugin handler adapter configuration deployment cluster pipeline`);
const VERBS =
  words(`reads writes validates publishes consumes stores transforms exposes
  schedules retries aggregates caches signs verifies routes exports imports reconciles`);
const ADJECTIVES =
  words(`reliable small internal shared typed idempotent asynchronous
  versioned stateless tested documented configurable fast secure`);

/** A sentence of prose from the word pools. */
function sentence(random: Random): string {
  const templates = [
    () =>
      `The ${pickOne(random, NOUNS)} ${pickOne(random, VERBS)} every ${pickOne(
        random,
        NOUNS,
      )} before it reaches the ${pickOne(random, NOUNS)}.`,
    () =>
      `It is a ${pickOne(random, ADJECTIVES)} ${pickOne(
        random,
        NOUNS,
      )} that other teams use to build their own ${pickOne(random, NOUNS)}s.`,
    () =>
      `When a ${pickOne(random, NOUNS)} fails, the ${pickOne(
        random,
        NOUNS,
      )} ${pickOne(random, VERBS)} it up to ${between(random, 2, 9)} times.`,
    () =>
      `Set \`${pickOne(random, NOUNS).toUpperCase()}_${pickOne(
        random,
        NOUNS,
      ).toUpperCase()}\` to change how the ${pickOne(
        random,
        NOUNS,
      )} is ${pickOne(random, VERBS).replace(/s$/, 'd')}.`,
    () =>
      `See the [${pickOne(random, NOUNS)} guide](docs/${pickOne(
        random,
        NOUNS,
      )}.md) for the details of the ${pickOne(random, ADJECTIVES)} mode.`,
  ];
  return pickOne(random, templates)();
}

function paragraph(random: Random, sentences = between(random, 2, 5)) {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// The catalog: users and groups (fixed), and one component per repository

interface CatalogPlan {
  entities: Entity[];
  /** Team names, and the GitHub slug (`acme/<team>`) CODEOWNERS uses for them. */
  teams: string[];
  /** Members' GitHub logins and emails by team. */
  members: Map<string, Array<{ login: string; email: string }>>;
}

const USERS = 600;

function makeCatalog(seed: number): CatalogPlan {
  const random = rng(seed * 7919 + 1);
  const entities: Entity[] = [
    entity('Group', 'acme', { type: 'organization', children: [] }),
  ];
  const teams: string[] = [];
  for (const unit of BUSINESS_UNITS) {
    entities.push(
      entity('Group', unit, {
        type: 'business-unit',
        parent: 'acme',
        children: [],
      }),
    );
    for (const noun of TEAM_NOUNS) {
      const team = `${unit}-${noun}`;
      teams.push(team);
      entities.push(
        entity(
          'Group',
          team,
          { type: 'team', parent: unit, children: [] },
          random() < 0.7
            ? { annotations: { 'github.com/team-slug': `acme/${team}` } }
            : {},
        ),
      );
    }
  }
  const members = new Map<string, Array<{ login: string; email: string }>>();
  const logins = new Set<string>();
  for (let u = 0; u < USERS; u++) {
    const first = pickOne(random, FIRST_NAMES);
    const last = pickOne(random, LAST_NAMES);
    let login = `${first[0]}${last}`.toLocaleLowerCase('en-US');
    for (let n = 2; logins.has(login); n++)
      login = `${first[0]}${last}${n}`.toLocaleLowerCase('en-US');
    logins.add(login);
    const email = `${login}@acme.example`;
    const team = teams[u % teams.length];
    members.set(team, [...(members.get(team) ?? []), { login, email }]);
    // As Backstage's GitHub org provider makes them (named by login), or from an HR system
    // (named otherwise, the login in an annotation); some without either.
    const byLogin = random() < 0.5;
    const annotated = !byLogin && random() < 0.8;
    entities.push(
      entity(
        'User',
        byLogin ? login : `${first}.${last}.${u}`.toLocaleLowerCase('en-US'),
        {
          memberOf: [team],
          profile: { displayName: `${first} ${last}`, email },
        },
        annotated ? { annotations: { 'github.com/user-login': login } } : {},
      ),
    );
  }
  return { entities, teams, members };
}

// ---------------------------------------------------------------------------------------------
// Repositories

/** Large content made while it is streamed to git, never held as one string. */
interface GeneratedContent {
  kind: 'text' | 'binary';
  bytes: number;
}

type Content = string | GeneratedContent;

interface RepoStats {
  files: number;
  bytes: number;
  readmeBytes: number;
  readme?: string;
  contributing?: string;
  codeowners?: string;
  license: boolean;
  issueTemplates: number;
  largeFile?: string;
  commits: number;
}

interface RepoPlan {
  name: string;
  team: string;
  /** path -> content of each commit (the first holds every file, later ones change a few). */
  commits: Array<Record<string, Content>>;
  component: Entity;
  stats: RepoStats;
}

const SOURCE_EXTENSIONS: Record<string, string[]> = {
  typescript: ['ts', 'ts', 'ts', 'tsx', 'json'],
  java: ['java', 'java', 'java', 'xml', 'properties'],
  go: ['go', 'go', 'go', 'go', 'yaml'],
  python: ['py', 'py', 'py', 'cfg', 'toml'],
};

function sourceFile(random: Random, file: string): string {
  const lines = [`// ${file}`];
  const functions = between(random, 1, 12);
  for (let f = 0; f < functions; f++) {
    const noun = pickOne(random, NOUNS);
    const verb = pickOne(random, VERBS).replace(/s$/, '');
    lines.push(
      '',
      `/** ${sentence(random)} */`,
      `export function ${verb}${noun[0].toUpperCase()}${noun.slice(
        1,
      )}(input: ${noun[0].toUpperCase()}${noun.slice(1)}): Result {`,
      `  const ${noun} = input.${pickOne(random, NOUNS)} ?? ${between(
        random,
        0,
        999,
      )};`,
      `  if (!${noun}) throw new Error('${sentence(random)}');`,
      `  return { ok: true, value: ${noun}, at: Date.now() };`,
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

const README_SECTIONS = [
  ['About', 'Overview', 'Mission', 'Why'],
  ['Getting started', 'Quick start', 'Installation', 'Usage', 'Setup'],
  ['Configuration', 'Options', 'Environment variables'],
  ['Getting help', 'Support', 'FAQ', 'Contact'],
  ['Getting involved', 'Community', 'Slack', 'Communication'],
  ['Maintainers', 'Trusted committers', 'Team', 'Who we are'],
  ['Contributing', 'How to contribute'],
  ['Development', 'Building', 'Running the tests'],
  ['Architecture', 'Design'],
  ['License', 'Licensing'],
];

function heading(format: string, level: number, text: string): string {
  if (format === 'rst') {
    const underline = level === 1 ? '=' : '-';
    return `${text}\n${underline.repeat(text.length)}`;
  }
  if (format === 'adoc') return `${'='.repeat(level)} ${text}`;
  return `${'#'.repeat(level)} ${text}`;
}

/** A README of about `target` bytes: a title, a description, sections with prose, lists, code. */
function readme(
  random: Random,
  title: string,
  format: string,
  target: number,
): string {
  const parts: string[] = [];
  if (format === 'md' && random() < 0.4) {
    parts.push(
      `[![build](https://ci.acme.example/${title}/badge.svg)](https://ci.acme.example/${title}) ![coverage](https://img.shields.io/badge/coverage-${between(
        random,
        50,
        99,
      )}%25-green)`,
    );
  }
  // Some READMEs open with prose before the title, or have none at all.
  if (random() < 0.05) parts.push(paragraph(random, 2));
  parts.push(heading(format, 1, title));
  if (random() < 0.85) parts.push(paragraph(random));
  const sections = README_SECTIONS.filter(() => random() < 0.65);
  let size = parts.join('\n\n').length;
  let s = 0;
  while (size < target) {
    const names = sections.length
      ? sections[s % sections.length]
      : README_SECTIONS[s % README_SECTIONS.length];
    const name =
      s < Math.max(1, sections.length)
        ? pickOne(random, names)
        : `${pickOne(random, names)} (${pickOne(random, NOUNS)})`;
    const section = [heading(format, 2, name), paragraph(random)];
    if (random() < 0.5) {
      section.push(
        Array.from(
          { length: between(random, 2, 6) },
          () => `${format === 'adoc' ? '*' : '-'} ${sentence(random)}`,
        ).join('\n'),
      );
    }
    if (random() < 0.4) {
      const code = `yarn add @acme/${title}\nexport ${pickOne(
        random,
        NOUNS,
      ).toUpperCase()}_URL=https://${title}.acme.example`;
      if (format === 'rst') {
        section.push(`.. code-block:: sh\n\n${code.replace(/^/gm, '   ')}`);
      } else if (format === 'adoc') section.push(`----\n${code}\n----`);
      else section.push(`\`\`\`sh\n${code}\n\`\`\``);
    }
    if (random() < 0.5) section.push(paragraph(random));
    const text = section.join('\n\n');
    parts.push(text);
    size += text.length + 2;
    s++;
  }
  return `${parts.join('\n\n')}\n`;
}

function contributing(random: Random, title: string): string {
  const parts = [
    `# Contributing to ${title}`,
    paragraph(random),
    '## Building the code',
    `Clone the repository and run \`yarn install\`, then \`yarn build\`. ${paragraph(
      random,
      2,
    )}`,
  ];
  if (random() < 0.8) {
    parts.push(
      '## Running the tests',
      `Run \`yarn test\` before you open a pull request. ${paragraph(
        random,
        1,
      )}`,
    );
  }
  parts.push(
    '## Submitting changes',
    `Open a pull request against \`main\`. ${paragraph(random, 2)}`,
  );
  if (random() < 0.6) {
    parts.push(
      '## What to expect',
      `We review pull requests within ${between(
        random,
        1,
        5,
      )} business days. ${paragraph(random, 1)}`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}

function codeowners(
  random: Random,
  team: string,
  catalog: CatalogPlan,
  folders: string[],
): string {
  const members = catalog.members.get(team) ?? [];
  const lines = [`# Owners of this repository, reviewed by ${team}`];
  const teamOwner = `@acme/${team}`;
  const people = () =>
    Array.from({ length: between(random, 1, 3) }, () => {
      const member = pickOne(random, members);
      return random() < 0.15 ? member.email : `@${member.login}`;
    });
  const catchAll = random() < 0.9;
  if (catchAll)
    lines.push(`* ${teamOwner}${random() < 0.3 ? ' @acme/platform-core' : ''}`);
  for (const folder of folders.slice(0, between(random, 0, 4))) {
    const owners = people();
    if (random() < 0.05) owners.push('@former-employee'); // not in the catalog
    lines.push(`/${folder}/ ${owners.join(' ')}`);
  }
  if (random() < 0.3)
    lines.push(`*.md @acme/${pickOne(random, catalog.teams)}`);
  if (!catchAll && random() < 0.5) lines.push(`* ${teamOwner}`);
  return `${lines.join('\n')}\n`;
}

const MIT = (year: number, holder: string) =>
  `MIT License\n\nCopyright (c) ${year} ${holder}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.\n`;

function bugTemplate(random: Random): string {
  const frontMatter =
    random() < 0.85
      ? '---\nname: Bug report\nabout: Something does not work as documented\nlabels: bug\n---\n\n'
      : '';
  return `${frontMatter}## What happened\n\n## What you expected\n\n## How to reproduce\n\n1. ${sentence(
    random,
  )}\n`;
}

function featureForm(random: Random): string {
  const lines = [
    'name: Feature request',
    ...(random() < 0.9
      ? ['description: Suggest an idea for this project']
      : []),
    'labels: [enhancement]',
    'body:',
    '  - type: textarea',
    '    attributes:',
    '      label: What problem does it solve?',
    '  - type: textarea',
    '    attributes:',
    '      label: Proposed solution',
  ];
  return `${lines.join('\n')}\n`;
}

/** Everything about repository `index`: its files in 1–3 commits, its Component, its figures. */
function planRepository(
  seed: number,
  index: number,
  catalog: CatalogPlan,
  usedNames: Set<string>,
): RepoPlan {
  const random = rng(seed * 1_000_003 + index);
  let name = `${pickOne(random, PROJECT_PREFIXES)}-${pickOne(
    random,
    PROJECT_SUFFIXES,
  )}`;
  if (usedNames.has(name)) name = `${name}-${index}`;
  usedNames.add(name);
  const team = pickOne(random, catalog.teams);
  const language = pickOne(random, Object.keys(SOURCE_EXTENSIONS));
  const files: Record<string, Content> = {};
  const stats: RepoStats = {
    files: 0,
    bytes: 0,
    readmeBytes: 0,
    license: false,
    issueTemplates: 0,
    commits: 1,
  };

  // Source folders: a handful, with the files spread over them.
  const roots = ['src', 'lib', 'pkg', 'app'];
  const root = pickOne(random, roots);
  const modules = Array.from(
    { length: between(random, 2, 6) },
    () => `${root}/${pickOne(random, NOUNS)}`,
  );
  const folders = [...new Set([...modules, 'test', 'scripts', 'config'])];
  // 30–300 files, skewed towards the lower end as real repositories are.
  const target = 30 + Math.floor(270 * Math.pow(random(), 2));
  const extensions = SOURCE_EXTENSIONS[language];

  const title = name;
  const formatRoll = random();
  let readmeFormat = 'md';
  if (formatRoll < 0.05) readmeFormat = 'rst';
  else if (formatRoll < 0.08) readmeFormat = 'adoc';
  else if (formatRoll < 0.1) readmeFormat = 'txt';
  const readmeRoll = random();
  if (readmeRoll < 0.97) {
    const file =
      readmeRoll < 0.93
        ? `README.${readmeFormat}`
        : `docs/README.${readmeFormat}`;
    // 2–20 KB, most around 4–8 KB.
    const bytes = Math.round(2048 + 18432 * Math.pow(random(), 2.2));
    files[file] = readme(random, title, readmeFormat, bytes);
    stats.readme = file;
  }
  if (random() < 0.6) {
    const where = random();
    let file = 'CONTRIBUTING.md';
    if (where > 0.9) file = '.github/CONTRIBUTING.md';
    else if (where > 0.7) file = 'docs/CONTRIBUTING.md';
    files[file] = contributing(random, title);
    stats.contributing = file;
  }
  if (random() < 0.5) {
    const where = random();
    let file = '.github/CODEOWNERS';
    if (where > 0.95) file = '.gitlab/CODEOWNERS';
    else if (where > 0.8) file = 'docs/CODEOWNERS';
    else if (where > 0.5) file = 'CODEOWNERS';
    files[file] = codeowners(random, team, catalog, folders);
    stats.codeowners = file;
  }
  if (random() < 0.7) {
    files[
      pickOne(random, [
        'LICENSE',
        'LICENSE',
        'LICENSE.md',
        'LICENSE.txt',
        'COPYING',
      ])
    ] = MIT(2020 + between(random, 0, 6), 'ACME Corp.');
    stats.license = true;
  }
  if (random() < 0.3) {
    files[
      random() < 0.6 ? 'SECURITY.md' : '.github/SECURITY.md'
    ] = `# Security policy\n\nReport vulnerabilities to security@acme.example, not in an issue.\n\n${paragraph(
      random,
      2,
    )}\n`;
  }
  if (random() < 0.15) {
    files['SUPPORT.md'] = `# Support\n\nAsk in #${name} on Slack. ${paragraph(
      random,
      1,
    )}\n`;
  }
  if (random() < 0.25) {
    files['CODE_OF_CONDUCT.md'] = `# Code of conduct\n\n${paragraph(
      random,
      4,
    )}\n`;
  }
  if (random() < 0.35) {
    files['.github/ISSUE_TEMPLATE/bug_report.md'] = bugTemplate(random);
    stats.issueTemplates++;
    if (random() < 0.6) {
      files['.github/ISSUE_TEMPLATE/feature_request.yml'] = featureForm(random);
      stats.issueTemplates++;
    }
    if (random() < 0.5) {
      files['.github/ISSUE_TEMPLATE/config.yml'] =
        'blank_issues_enabled: false\n';
    }
  } else if (random() < 0.05) {
    files['.gitlab/issue_templates/Bug.md'] = bugTemplate(random);
    stats.issueTemplates++;
  }
  if (random() < 0.4) {
    files[
      random() < 0.85
        ? '.github/pull_request_template.md'
        : 'docs/pull_request_template.md'
    ] = `## What and why\n\n## How was it tested\n\n- [ ] ${sentence(
      random,
    )}\n`;
  }
  if (random() < 0.2) {
    const metadata: Record<string, unknown> = {
      title: title.replace(/-/g, ' '),
      motivation: sentence(random),
      contributions: ['Bug fixes', 'Documentation'],
      skills: [language],
    };
    if (random() < 0.15) metadata.docs = 'not a url';
    files['innersource.json'] = `${JSON.stringify(metadata, null, 2)}\n`;
  }
  files['.github/workflows/ci.yml'] =
    'name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n';
  files['.gitignore'] = 'node_modules/\ndist/\n*.log\n';
  files['CHANGELOG.md'] = `# Changelog\n\n## 1.${between(
    random,
    0,
    30,
  )}.0\n\n- ${sentence(random)}\n`;
  const docsPages = between(random, 1, 10);
  for (let d = 0; d < docsPages; d++) {
    files[`docs/${pickOne(random, NOUNS)}-${d}.md`] = `# ${pickOne(
      random,
      NOUNS,
    )}\n\n${paragraph(random, between(random, 3, 20))}\n`;
  }
  // About 1% carry a 5 MB file: a PDF in docs/, a data file, or (a few) the README itself.
  if (random() < 0.01) {
    const kind = random();
    let file = 'docs/architecture.pdf';
    if (kind > 0.75 && stats.readme) file = stats.readme;
    else if (kind > 0.4) file = 'data/fixtures.json';
    files[file] = {
      kind: file.endsWith('.pdf') ? 'binary' : 'text',
      bytes: 5 * MB,
    };
    stats.largeFile = file;
  }
  let n = Object.keys(files).length;
  while (n < target) {
    const folder =
      random() < 0.85 ? pickOne(random, modules) : pickOne(random, folders);
    const file = `${folder}/${pickOne(random, NOUNS)}-${n}.${pickOne(
      random,
      extensions,
    )}`;
    files[file] = sourceFile(random, file);
    n++;
  }
  for (const [file, content] of Object.entries(files)) {
    const bytes =
      typeof content === 'string' ? Buffer.byteLength(content) : content.bytes;
    stats.files++;
    stats.bytes += bytes;
    if (file === stats.readme) stats.readmeBytes = bytes;
  }

  const commits: Array<Record<string, Content>> = [files];
  const later = Math.floor(random() * 3); // 0–2 more commits
  // Later commits revise Markdown (README, CHANGELOG, docs), which a comment at the end keeps valid.
  const paths = Object.keys(files).filter(
    f => typeof files[f] === 'string' && f.endsWith('.md'),
  );
  for (let c = 0; c < later; c++) {
    const changes: Record<string, Content> = {};
    for (let k = 0; k < between(random, 1, 4); k++) {
      const file = pickOne(random, paths);
      changes[file] = `${files[file] as string}\n<!-- revised ${c} -->\n`;
    }
    commits.push(changes);
  }
  stats.commits = commits.length;

  const descriptionRoll = random();
  let description = `${title.replace(/-/g, ' ')}: ${sentence(random)}`;
  if (descriptionRoll < 0.05) description = '';
  else if (descriptionRoll < 0.12) description = 'TODO';
  const tags = [
    language,
    ...(random() < 0.4 ? ['innersource'] : []),
    ...(random() < 0.3 ? [pickOne(random, NOUNS)] : []),
  ];
  const component = entity(
    'Component',
    name,
    {
      type: pickOne(random, ['service', 'service', 'library', 'website']),
      ...(random() < 0.95
        ? {
            lifecycle: pickOne(random, [
              'production',
              'production',
              'experimental',
              'deprecated',
            ]),
          }
        : {}),
      owner: team,
    },
    {
      ...(description ? { description } : {}),
      tags,
      ...(random() < 0.5
        ? {
            links: [
              {
                url: `https://docs.acme.example/${name}`,
                title: 'Documentation',
                icon: 'docs',
              },
            ],
          }
        : {}),
      annotations: {
        ...(random() < 0.2 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
      },
    },
  );
  return { name, team, commits, component, stats };
}

function writeChunk(stream: NodeJS.WritableStream, chunk: string | Buffer) {
  return new Promise<void>(resolve => {
    if (stream.write(chunk)) resolve();
    else stream.once('drain', () => resolve());
  });
}

/** Streams generated content: text from sentences, or incompressible bytes (a PDF). */
async function writeGenerated(
  stream: NodeJS.WritableStream,
  content: GeneratedContent,
  random: Random,
) {
  let block: Buffer;
  if (content.kind === 'binary') {
    block = Buffer.alloc(256 * 1024);
    for (let i = 0; i < block.length; i += 4) {
      block.writeUInt32LE(Math.floor(random() * 4294967296), i);
    }
  } else {
    const lines: string[] = [];
    let size = 0;
    while (size < 256 * 1024) {
      const line = `| ${pickOne(random, NOUNS)} | ${sentence(random)} |\n`;
      lines.push(line);
      size += line.length;
    }
    block = Buffer.from(lines.join(''));
  }
  for (let written = 0; written < content.bytes; written += block.length) {
    await writeChunk(
      stream,
      block.subarray(0, Math.min(block.length, content.bytes - written)),
    );
  }
}

function run(command: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args[0]} failed: ${stderr}`)),
    );
  });
}

/** Writes the "server" repository with one fast-import stream, allowing partial clones. */
async function writeSourceRepository(
  dir: string,
  plan: RepoPlan,
  seed: number,
) {
  fs.rmSync(dir, { recursive: true, force: true });
  await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  // As GitHub and GitLab serve: partial clones (--filter) and lazy fetches of single objects.
  fs.appendFileSync(
    path.join(dir, 'config'),
    '[uploadpack]\n\tallowFilter = true\n\tallowAnySHA1InWant = true\n',
  );
  const child = spawn('git', ['fast-import', '--quiet', '--force'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', chunk => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(new Error(`git fast-import failed: ${stderr}`)),
    ),
  );
  const random = rng(seed * 31 + plan.commits.length);
  const commitCount = plan.commits.length;
  for (let c = 0; c < commitCount; c++) {
    const when = END - (commitCount - c) * 86_400 * between(random, 1, 20);
    const message =
      c === 0 ? `Initial import of ${plan.name}` : `docs: revise (${c})`;
    await writeChunk(
      child.stdin,
      [
        'commit refs/heads/main',
        `committer Dev ${plan.team} <dev@acme.example> ${when} +0000`,
        `data ${Buffer.byteLength(message)}`,
        message,
        '',
      ].join('\n'),
    );
    for (const [file, content] of Object.entries(plan.commits[c])) {
      if (typeof content === 'string') {
        await writeChunk(
          child.stdin,
          `M 100644 inline ${file}\ndata ${Buffer.byteLength(
            content,
          )}\n${content}\n`,
        );
      } else {
        await writeChunk(
          child.stdin,
          `M 100644 inline ${file}\ndata ${content.bytes}\n`,
        );
        await writeGenerated(child.stdin, content, random);
        await writeChunk(child.stdin, '\n');
      }
    }
    await writeChunk(child.stdin, '\n');
  }
  child.stdin.end();
  await done;
}

// ---------------------------------------------------------------------------------------------
// The fixture

interface RepoEntry {
  name: string;
  cloneUrl: string;
  /** The partial clone in the cache (GitRepositoryCache's folder for cloneUrl). */
  dir: string;
  headSha?: string;
  gitConfig: Record<string, string>;
  component: Entity;
  stats: RepoStats;
  generateMs: number;
  cloneMs: number;
  /** The first lint after the clone, which fetches the blobs the rules read. */
  firstLintMs: number;
}

interface Fixture {
  version: number;
  seed: number;
  catalog: Entity[];
  repos: RepoEntry[];
}

const fixtureDir = (p: Params) =>
  path.join(
    REPO_ROOT,
    '.data',
    'bench',
    `lint-v${GENERATOR_VERSION}-s${p.seed}`,
  );

const browseUrlFor = (name: string) => (file: string) =>
  `https://github.acme.example/acme/${name}/blob/main/${file}`;

function syncedRepository(repo: RepoEntry): SyncedRepository {
  return {
    cloneUrl: repo.cloneUrl,
    dir: repo.dir,
    headSha: repo.headSha,
    gitConfig: repo.gitConfig,
  };
}

const RULES = [...metadataRules, ...fileRules];

/** Lints one repository the way the refresh does; the findings, after closing the files. */
async function lintRepository(
  repo: RepoEntry,
  catalog: CatalogIndex,
  component: Entity,
) {
  const files = new GitRepositoryFiles({
    repo: syncedRepository(repo),
    entityPath: '',
    timeoutMs: GIT_TIMEOUT_MS,
    browseUrl: browseUrlFor(repo.name),
  });
  try {
    return await lintEntity({
      entity: component,
      catalog,
      rules: RULES,
      files,
      today: TODAY,
    });
  } finally {
    // Ends the repository's git process, as the refresh should after each entity's lint.
    await files.close();
  }
}

function sourceLocation(sourceDir: string) {
  return `url:file://${sourceDir}/`;
}

async function ensureFixture(p: Params): Promise<{
  dir: string;
  fixture: Fixture;
  generatedNow: number;
  generateMs: number;
}> {
  const dir = fixtureDir(p);
  const metaFile = path.join(dir, 'fixture.json');
  if (p.regenerate) fs.rmSync(dir, { recursive: true, force: true });
  const catalogPlan = makeCatalog(p.seed);
  let fixture: Fixture = {
    version: GENERATOR_VERSION,
    seed: p.seed,
    catalog: catalogPlan.entities,
    repos: [],
  };
  if (fs.existsSync(metaFile)) {
    fixture = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Fixture;
  }
  const missing = p.repos - fixture.repos.length;
  if (missing <= 0) return { dir, fixture, generatedNow: 0, generateMs: 0 };

  console.log(
    `Generating ${missing.toLocaleString(
      'en-US',
    )} repositories in ${path.relative(REPO_ROOT, dir)} (${
      p.parallel
    } at a time; once, cached for later runs) ...`,
  );
  const started = process.hrtime.bigint();
  fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
  const cache = new GitRepositoryCache({
    cacheDir: path.join(dir, 'cache'),
    credentials: { authorizationHeader: async () => undefined },
    timeoutMs: GIT_TIMEOUT_MS,
    maxSizeBytes: 1024 * MB,
  });
  // Names are planned in order so that they stay the same however many are generated at once.
  const usedNames = new Set<string>();
  const plans: RepoPlan[] = [];
  for (let i = 0; i < p.repos; i++) {
    const plan = planRepository(p.seed, i, catalogPlan, usedNames);
    if (i >= fixture.repos.length) plans.push(plan);
  }
  const primingCatalog = new CatalogIndex(
    withCatalogRelations([...fixture.catalog, ...plans.map(x => x.component)]),
  );
  const results: RepoEntry[] = new Array(plans.length);
  let next = 0;
  let finished = 0;
  const save = () => {
    const done = results.filter(Boolean);
    // Only a contiguous prefix is kept, so the cached set is always repositories 0..n-1.
    const prefix: RepoEntry[] = [];
    for (const entry of results) {
      if (!entry) break;
      prefix.push(entry);
    }
    fs.writeFileSync(
      metaFile,
      JSON.stringify({ ...fixture, repos: [...fixture.repos, ...prefix] }),
    );
    return done.length;
  };
  const worker = async () => {
    while (next < plans.length) {
      const k = next++;
      const plan = plans[k];
      const index = fixture.repos.length + k;
      const source = path.join(
        dir,
        'sources',
        `${String(index).padStart(5, '0')}-${plan.name}.git`,
      );
      let start = process.hrtime.bigint();
      await writeSourceRepository(source, plan, p.seed * 100_000 + index);
      const generateMs = msSince(start);
      start = process.hrtime.bigint();
      const cloneUrl = `file://${source}`;
      fs.rmSync(cache.dirFor(cloneUrl), { recursive: true, force: true });
      const synced = await cache.sync(cloneUrl);
      const cloneMs = msSince(start);
      const component: Entity = {
        ...plan.component,
        metadata: {
          ...plan.component.metadata,
          annotations: {
            ...plan.component.metadata.annotations,
            'backstage.io/source-location': sourceLocation(source),
          },
        },
      };
      const entry: RepoEntry = {
        name: plan.name,
        cloneUrl,
        dir: synced.dir,
        headSha: synced.headSha,
        gitConfig: synced.gitConfig,
        component,
        stats: plan.stats,
        generateMs,
        cloneMs,
        firstLintMs: 0,
      };
      start = process.hrtime.bigint();
      await lintRepository(
        entry,
        primingCatalog,
        primingCatalog.getEntity(`component:default/${plan.name}`)!,
      );
      entry.firstLintMs = msSince(start);
      results[k] = entry;
      finished++;
      if (finished % 200 === 0 || finished === plans.length) {
        save();
        console.log(
          `  ${finished.toLocaleString(
            'en-US',
          )} / ${plans.length.toLocaleString('en-US')} (${(
            msSince(started) / 1000
          ).toFixed(0)} s)`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: p.parallel }, worker));
  save();
  fixture = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Fixture;
  return {
    dir,
    fixture,
    generatedNow: plans.length,
    generateMs: msSince(started),
  };
}

// ---------------------------------------------------------------------------------------------
// The measured run (in a fresh process per concurrency, so that its peak RSS is its own)

interface LintJob {
  fixtureFile: string;
  repos: number;
  rounds: number;
  concurrency: number;
}

interface Checkpoint {
  repos: number;
  elapsedMs: number;
  rssMb: number;
  peakRssMb: number;
  heapTotalMb: number;
  heapUsedMb: number;
  /** Heap still used after a full garbage collection: what the lint keeps. */
  retainedHeapMb?: number;
  gitChildren: number;
}

/** A rise of the peak RSS seen right after one repository's lint. */
interface PeakJump {
  /** Repositories done when it was seen. */
  done: number;
  index: number;
  name: string;
  mb: number;
  largeFile?: string;
}

interface LintResult {
  concurrency: number;
  totalMs: number;
  times: number[];
  rssBeforeMb: number;
  peakRssBeforeMb: number;
  checkpoints: Checkpoint[];
  gitSpawns: number;
  peakJumps: PeakJump[];
  digest: string;
  /** Whether every round found the same as the first. */
  roundsAgree: boolean;
  findings: number;
  statuses: Record<string, Record<string, number>>;
}

/** Live child processes of this process (read from /proc; 0 where there is none). */
function childProcessCount(): number {
  try {
    let count = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[1]) === process.pid) count++;
      } catch {
        // the process ended meanwhile
      }
    }
    return count;
  } catch {
    return 0;
  }
}

/** Counts the git processes that the code under test starts. */
function countSpawns(): () => number {
  let count = 0;
  const original = childProcess.spawn;
  const counting = (...args: unknown[]) => {
    if (args[0] === 'git') count++;
    return (original as (...a: unknown[]) => unknown)(...args);
  };
  (childProcess as unknown as { spawn: unknown }).spawn = counting;
  return () => count;
}

function checkpointsFor(repos: number): number[] {
  return [
    ...new Set([repos / 8, repos / 4, repos / 2, repos].map(Math.round)),
  ].filter(n => n > 0);
}

async function lintWorker(job: LintJob): Promise<LintResult> {
  const fixture = JSON.parse(
    fs.readFileSync(job.fixtureFile, 'utf8'),
  ) as Fixture;
  const repos = fixture.repos.slice(0, job.repos);
  const catalog = new CatalogIndex(
    withCatalogRelations([...fixture.catalog, ...repos.map(r => r.component)]),
  );
  const components = repos.map(
    r => catalog.getEntity(`component:default/${r.name}`)!,
  );
  const spawns = countSpawns();
  const lints = repos.length * job.rounds;
  const checkpointAt = new Set(checkpointsFor(lints));
  const times = new Array<number>(lints).fill(0);
  const digests = new Array<string>(repos.length).fill('');
  let roundsAgree = true;
  const statuses: Record<string, Record<string, number>> = {};
  const checkpoints: Checkpoint[] = [];
  let findingCount = 0;
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const peakRssBeforeMb = maxRssMb();
  // With --expose-gc (as runWorker starts the worker): a full collection at each checkpoint
  // shows what stays in memory; its time is not counted.
  const gc = (globalThis as { gc?: () => void }).gc;
  let gcMs = 0;
  const peakJumps: PeakJump[] = [];
  let lastPeak = peakRssBeforeMb;

  const started = process.hrtime.bigint();
  let next = 0;
  let done = 0;
  const runner = async () => {
    while (next < lints) {
      const k = next++;
      const i = k % repos.length;
      const start = process.hrtime.bigint();
      const { findings } = await lintRepository(
        repos[i],
        catalog,
        components[i],
      );
      times[k] = msSince(start);
      const digest = createHash('sha256')
        .update(JSON.stringify(findings))
        .digest('hex');
      if (k < repos.length) {
        digests[i] = digest;
        findingCount += findings.length;
        for (const finding of findings) {
          const byStatus = (statuses[finding.ruleId] ??= {});
          byStatus[finding.status] = (byStatus[finding.status] ?? 0) + 1;
        }
      } else if (digests[i] !== digest) {
        roundsAgree = false;
      }
      done++;
      const peak = maxRssMb();
      if (peak - lastPeak >= 4) {
        peakJumps.push({
          done,
          index: i,
          name: repos[i].name,
          mb: peak - lastPeak,
          largeFile: repos[i].stats.largeFile,
        });
      }
      lastPeak = peak;
      if (checkpointAt.has(done)) {
        const usage = process.memoryUsage();
        const checkpoint: Checkpoint = {
          repos: done,
          elapsedMs: msSince(started) - gcMs,
          rssMb: mb(usage.rss),
          peakRssMb: peak,
          heapTotalMb: mb(usage.heapTotal),
          heapUsedMb: mb(usage.heapUsed),
          gitChildren: childProcessCount(),
        };
        if (gc) {
          const gcStart = process.hrtime.bigint();
          gc();
          gcMs += msSince(gcStart);
          checkpoint.retainedHeapMb = mb(process.memoryUsage().heapUsed);
        }
        checkpoints.push(checkpoint);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, runner));
  const totalMs = msSince(started) - gcMs;
  return {
    concurrency: job.concurrency,
    totalMs,
    times,
    rssBeforeMb,
    peakRssBeforeMb,
    checkpoints,
    gitSpawns: spawns(),
    peakJumps,
    digest: createHash('sha256').update(digests.join('\n')).digest('hex'),
    roundsAgree,
    findings: findingCount,
    statuses,
  };
}

// ---------------------------------------------------------------------------------------------
// Orchestration and output

/** Runs the measured lint in a fresh Node process (with --expose-gc, for the retained heap). */
function runWorker(job: LintJob, jobFile: string): Promise<LintResult> {
  writeJob(jobFile, job);
  return runWorkerProcess<LintResult>(
    'lint',
    process.execPath,
    nodeArgsFor(__filename, ['--worker', `--job=${jobFile}`], ['--expose-gc']),
  );
}

const mean = (values: number[]) =>
  values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

const share = (count: number, total: number) =>
  `${fmt((count / Math.max(1, total)) * 100)}%`;

/** The cost of starting one git process here: the floor under a git-per-file implementation. */
function gitProcessCost(repoDir: string): number {
  const runs = 100;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) {
    spawnSync('git', ['cat-file', '-t', 'HEAD'], { cwd: repoDir });
  }
  return msSince(start) / runs;
}

function describeFixture(fixture: Fixture, repos: RepoEntry[]) {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const fileCounts = sorted(repos.map(r => r.stats.files));
  const readmes = repos.filter(r => r.stats.readme);
  const hugeReadmes = readmes.filter(r => r.stats.largeFile === r.stats.readme);
  const readmeKb = sorted(
    readmes
      .filter(r => !hugeReadmes.includes(r))
      .map(r => r.stats.readmeBytes / 1024),
  );
  const codeownersAt = new Map<string, number>();
  for (const r of repos) {
    if (r.stats.codeowners) {
      codeownersAt.set(
        r.stats.codeowners,
        (codeownersAt.get(r.stats.codeowners) ?? 0) + 1,
      );
    }
  }
  const count = (predicate: (r: RepoEntry) => boolean) =>
    repos.filter(predicate).length;
  const n = repos.length;
  const users = fixture.catalog.filter(e => e.kind === 'User').length;
  const teams = fixture.catalog.filter(
    e => e.kind === 'Group' && (e.spec as { type?: string }).type === 'team',
  ).length;
  const large = repos.filter(r => r.stats.largeFile);
  const firstLint = sorted(repos.map(r => r.firstLintMs));
  return [
    `  ${fmt(n)} repositories: ${fmt(fileCounts[0])}–${fmt(
      fileCounts[n - 1],
    )} files (median ${fmt(percentile(fileCounts, 50))}), ${fmt(
      mean(repos.map(r => r.stats.bytes)) / 1024,
    )} KB on average, ${fmt(
      mean(repos.map(r => r.stats.commits)),
      1,
    )} commits on average`,
    `  README ${share(readmes.length, n)} (${fmt(readmeKb[0], 1)}–${fmt(
      readmeKb[readmeKb.length - 1],
      1,
    )} KB, median ${fmt(percentile(readmeKb, 50), 1)} KB, plus ${fmt(
      hugeReadmes.length,
    )} of 5 MB; ${fmt(
      count(r => /\.(rst|adoc)$/.test(r.stats.readme ?? '')),
    )} rst/adoc), CONTRIBUTING ${share(
      count(r => !!r.stats.contributing),
      n,
    )}, LICENSE ${share(
      count(r => r.stats.license),
      n,
    )}, issue templates ${share(
      count(r => r.stats.issueTemplates > 0),
      n,
    )}`,
    `  CODEOWNERS ${share(
      [...codeownersAt.values()].reduce((a, b) => a + b, 0),
      n,
    )} (${[...codeownersAt.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([where, c]) => `${where} ${fmt(c)}`)
      .join(', ')}); a 5 MB file in ${fmt(large.length)} (${large
      .map(r => r.stats.largeFile)
      .filter((v, i, all) => all.indexOf(v) === i)
      .join(', ')})`,
    `  catalog: ${fmt(users)} Users in ${fmt(
      teams,
    )} teams of 6 business units, ${fmt(
      n,
    )} Components (each owned by a team, its source the repository)`,
    `  generation per repository: source ${fmt(
      mean(repos.map(r => r.generateMs)),
    )} ms, partial clone (cache.sync) ${fmt(
      mean(repos.map(r => r.cloneMs)),
    )} ms, first lint after the clone (lazy blob fetches) mean ${fmt(
      mean(firstLint),
    )} ms, p95 ${fmt(percentile(firstLint, 95))} ms`,
  ].join('\n');
}

async function main() {
  const p = parseParams(process.argv.slice(2));
  const benchStart = process.hrtime.bigint();
  const { dir, fixture, generatedNow, generateMs } = await ensureFixture(p);
  const repos = fixture.repos.slice(0, p.repos);
  console.log(
    [
      '',
      `Readiness lint benchmark (${machineSummary()}, ${gitVersion()})`,
      `Fixture ${path.relative(REPO_ROOT, dir)}${
        generatedNow
          ? ` (${fmt(generatedNow)} repositories generated now in ${fmt(
              generateMs / 1000,
              1,
            )} s)`
          : ''
      }:`,
      describeFixture(fixture, repos),
      `  one git process (git cat-file -t HEAD) costs ${fmt(
        gitProcessCost(repos[0].dir),
        1,
      )} ms here`,
      '',
    ].join('\n'),
  );

  const jobFile = path.join(dir, `job-${process.pid}.json`);
  try {
    const baseJob = {
      fixtureFile: path.join(dir, 'fixture.json'),
      repos: repos.length,
    };
    if (p.warmup) {
      const warm = await runWorker(
        { ...baseJob, rounds: 1, concurrency: 2 },
        jobFile,
      );
      console.log(
        `Warm-up pass (not counted): ${fmt(repos.length)} repositories in ${fmt(
          warm.totalMs / 1000,
          1,
        )} s\n`,
      );
    }
    const results: LintResult[] = [];
    for (const concurrency of p.concurrency) {
      const result = await runWorker(
        { ...baseJob, rounds: p.rounds, concurrency },
        jobFile,
      );
      results.push(result);
      console.log(
        `  concurrency ${concurrency}: ${fmt(
          result.totalMs / 1000,
          2,
        )} s, peak RSS ${fmt(
          result.checkpoints[result.checkpoints.length - 1]?.peakRssMb,
          1,
        )} MB`,
      );
    }

    console.log(
      `\nResults (${fmt(repos.length)} repositories${
        p.rounds > 1 ? ` linted ${p.rounds} times` : ''
      }, each lint with ${RULES.length} rules):\n`,
    );
    console.log(
      table(
        [
          [
            'concurrency',
            'total s',
            'wall ms/repo',
            'mean ms',
            'p50 ms',
            'p95 ms',
            'max ms',
            'git processes/repo',
            'RSS before MB',
            'peak RSS MB',
          ],
          ...results.map(r => {
            const sorted = [...r.times].sort((a, b) => a - b);
            return [
              String(r.concurrency),
              fmt(r.totalMs / 1000, 2),
              fmt(r.totalMs / r.times.length, 2),
              fmt(mean(r.times), 2),
              fmt(percentile(sorted, 50), 2),
              fmt(percentile(sorted, 95), 2),
              fmt(sorted[sorted.length - 1], 1),
              fmt(r.gitSpawns / r.times.length, 1),
              fmt(r.rssBeforeMb, 1),
              fmt(r.checkpoints[r.checkpoints.length - 1]?.peakRssMb, 1),
            ];
          }),
        ],
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    console.log(
      "\n  wall ms/repo = total / lints; mean, p50, p95, max = time of one repository's lint (new GitRepositoryFiles, lintEntity, close)",
    );

    for (const r of results) {
      console.log(
        `\nMemory as the count grows (concurrency ${
          r.concurrency
        }; before linting: RSS ${fmt(r.rssBeforeMb, 1)} MB, peak ${fmt(
          r.peakRssBeforeMb,
          1,
        )} MB):\n`,
      );
      console.log(
        table(
          [
            [
              'repositories linted',
              'elapsed s',
              'RSS MB',
              'peak RSS MB',
              'V8 heap MB',
              'heap used MB',
              'retained after GC MB',
              'live child processes',
            ],
            ...r.checkpoints.map(c => [
              fmt(c.repos),
              fmt(c.elapsedMs / 1000, 2),
              fmt(c.rssMb, 1),
              fmt(c.peakRssMb, 1),
              fmt(c.heapTotalMb, 1),
              fmt(c.heapUsedMb, 1),
              fmt(c.retainedHeapMb, 1),
              String(c.gitChildren),
            ]),
          ],
          ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
        ),
      );
      const jumps = [...r.peakJumps].sort((a, b) => b.mb - a.mb).slice(0, 5);
      if (jumps.length > 0) {
        const described = jumps
          .sort((a, b) => a.index - b.index)
          .map(
            j =>
              `#${j.index} ${j.name}${
                j.largeFile ? ` (5 MB ${j.largeFile})` : ''
              } +${fmt(j.mb)} MB`,
          );
        console.log(
          `\n  largest rises of the peak RSS, by the repository just linted${
            r.concurrency > 1 ? ' (or one in flight beside it)' : ''
          }: ${described.join(', ')}`,
        );
      }
    }

    const reference = results[0];
    console.log(
      `\nFindings (concurrency ${reference.concurrency}): ${fmt(
        reference.findings,
      )}, digest ${reference.digest.slice(0, 16)}; ${
        results.every(r => r.digest === reference.digest && r.roundsAgree)
          ? `identical in every run${p.rounds > 1 ? ' and round' : ''}`
          : 'DIFFERENT between runs'
      }\n`,
    );
    const statusNames = ['pass', 'fail', 'not-applicable'];
    console.log(
      table(
        [
          ['rule', ...statusNames],
          ...Object.entries(reference.statuses).map(([rule, counts]) => [
            rule,
            ...statusNames.map(s => fmt(counts[s] ?? 0)),
          ]),
        ],
        ['l', 'r', 'r', 'r'],
      ),
    );

    const primary = results.find(r => r.concurrency === 2) ?? reference;
    const first = primary.checkpoints[0];
    const last = primary.checkpoints[primary.checkpoints.length - 1];
    const growthOf = (from: number, to: number) => ((to - from) / from) * 100;
    const signed = (percent: number) =>
      `${percent >= 0 ? '+' : ''}${fmt(percent, 1)}%`;
    const growth = growthOf(first.peakRssMb, last.peakRssMb);
    const retainedGrowth = growthOf(
      first.retainedHeapMb ?? NaN,
      last.retainedHeapMb ?? NaN,
    );
    const meanMs = mean(primary.times);
    const wallMs = primary.totalMs / primary.times.length;
    console.log(`\nTargets (concurrency ${primary.concurrency}):\n`);
    console.log(
      table(
        [
          ['target', 'measured', 'limit', 'result'],
          [
            'time per repository: mean of each lint',
            `${fmt(meanMs, 2)} ms`,
            `< ${TARGETS.msPerRepo} ms`,
            verdict(meanMs < TARGETS.msPerRepo),
          ],
          [
            'time per repository: total / repositories',
            `${fmt(wallMs, 2)} ms`,
            `< ${TARGETS.msPerRepo} ms`,
            verdict(wallMs < TARGETS.msPerRepo),
          ],
          [
            `memory flat: heap retained after GC, ${fmt(last.repos)} vs ${fmt(
              first.repos,
            )} lints`,
            `${signed(retainedGrowth)} (${fmt(
              first.retainedHeapMb,
              1,
            )} -> ${fmt(last.retainedHeapMb, 1)} MB)`,
            `<= +${TARGETS.rssGrowthPercent}%`,
            verdict(retainedGrowth <= TARGETS.rssGrowthPercent),
          ],
          [
            `memory flat: peak RSS, ${fmt(last.repos)} vs ${fmt(
              first.repos,
            )} lints`,
            `${signed(growth)} (${fmt(first.peakRssMb, 1)} -> ${fmt(
              last.peakRssMb,
              1,
            )} MB)`,
            `<= +${TARGETS.rssGrowthPercent}%`,
            verdict(growth <= TARGETS.rssGrowthPercent),
          ],
        ],
        ['l', 'r', 'r', 'l'],
      ),
    );
    const laterJumps = primary.peakJumps
      .filter(j => j.done > first.repos)
      .sort((a, b) => b.mb - a.mb)
      .slice(0, 5);
    if (laterJumps.length > 0) {
      console.log(
        `\n  Between those checkpoints the peak RSS rose in steps; the ${
          laterJumps.length
        } largest (${laterJumps
          .map(j => `#${j.index}${j.largeFile ? ` ${j.largeFile}` : ''}`)
          .join(', ')}) add up to ${fmt(
          laterJumps.reduce((sum, j) => sum + j.mb, 0),
        )} of the ${fmt(last.peakRssMb - first.peakRssMb)} MB.`,
      );
    }
    if (growth > TARGETS.rssGrowthPercent) {
      console.log(
        `  The RSS follows V8's heap, which grows in steps with the allocation rate (and the largest
  single lints, e.g. a README read up to 1 MiB) and is kept; what the lint itself keeps is the heap
  retained after GC. More lints (--rounds=4) show where the RSS levels off.`,
      );
    }
    console.log(
      `\nBenchmark finished in ${fmt(msSince(benchStart) / 1000, 1)} s.`,
    );
  } finally {
    fs.rmSync(jobFile, { force: true });
  }
}

async function workerMain(argv: string[]) {
  const result = await lintWorker(readJob<LintJob>(argv));
  writeResult(result);
}

const argv = process.argv.slice(2);
(argv.includes('--worker') ? workerMain(argv) : main()).catch(error => {
  console.error(error);
  process.exit(1);
});
