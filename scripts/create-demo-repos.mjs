// Creates the demo's git repositories: one bare repository per source location in
// examples/entities.yaml (a monorepo for the platform packages), with about 18 months of commits
// by the demo users (from examples/org.yaml) of the owning teams and, for the projects that take
// InnerSource contributions, of other teams; plus an unknown contractor, a bot, merge commits, a
// .mailmap, CONTRIBUTING files, and package manifests through which the demo's shared libraries
// are used. Deterministic (seeded), so the demo's figures are stable.
//
//   node scripts/create-demo-repos.mjs <target-dir>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.resolve(
  process.argv[2] ?? path.join(root, '.data', 'demo-repos'),
);
const DAY = 86_400;
const now = Math.floor(Date.now() / 1000);

/** mulberry32: a small seeded PRNG so that every run makes the same history. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const load = file =>
  parseAllDocuments(fs.readFileSync(path.join(root, 'examples', file), 'utf8'))
    .map(d => d.toJSON())
    .filter(Boolean);
const org = load('org.yaml');
const entities = load('entities.yaml');

const groupOf = ref => String(ref).replace(/^group:(default\/)?/, '');
const users = org
  .filter(
    e =>
      e.kind === 'User' &&
      e.spec?.profile?.email &&
      e.metadata.name !== 'guest',
  )
  .map(u => ({
    name: u.spec.profile.displayName ?? u.metadata.name,
    email: u.spec.profile.email,
    teams: (u.spec.memberOf ?? []).map(groupOf),
  }));
const membersOf = team => users.filter(u => u.teams.includes(team));

// source URL -> { repo, path }
const repos = new Map();
for (const entity of entities) {
  const source = entity.metadata.annotations?.['backstage.io/source-location'];
  if (!source?.startsWith('url:https://github.com/acme/')) continue;
  const [, repo, rest] =
    /github\.com\/acme\/([^/]+)\/tree\/main\/?(.*)$/.exec(source) ?? [];
  if (!repo) continue;
  const info = repos.get(repo) ?? { repo, parts: [] };
  info.parts.push({
    name: entity.metadata.name,
    path: rest.replace(/\/$/, ''),
    owner: groupOf(entity.spec.owner),
    innersource: (entity.metadata.tags ?? []).some(t =>
      ['innersource', 'inner-source'].includes(t),
    ),
  });
  repos.set(repo, info);
}

// What each demo repository publishes and uses, so that usage is also found in manifests.
const PUBLISHES = {
  'ledger-sdk': {
    'package.json': { name: '@acme/ledger-sdk', version: '3.4.0' },
  },
  'design-system': {
    'package.json': { name: '@acme/design-system', version: '12.1.0' },
  },
  'platform-monorepo/packages/feature-flags': {
    'package.json': { name: '@acme/feature-flags', version: '1.8.2' },
  },
  'platform-monorepo/packages/eslint-config': {
    'package.json': { name: '@acme/eslint-config', version: '5.0.0' },
  },
};
const USES = {
  'ledger-service': { npm: ['@acme/ledger-sdk', '@acme/feature-flags'] },
  'checkout-service': { npm: ['@acme/ledger-sdk', '@acme/eslint-config'] },
  'storefront-web': {
    npm: ['@acme/design-system', '@acme/ledger-sdk', '@acme/feature-flags'],
  },
  'storefront-mobile-bff': { npm: ['@acme/ledger-sdk'] },
  // not in the catalog's relations: only the manifest shows this use
  'search-service': { npm: ['@acme/design-system', '@acme/eslint-config'] },
  'identity-service': { npm: ['@acme/eslint-config'] },
};

function packageJson(repo, partPath) {
  const key = partPath ? `${repo}/${partPath}` : repo;
  const published = PUBLISHES[key]?.['package.json'];
  const uses = USES[key]?.npm ?? [];
  const manifest = {
    name:
      published?.name ??
      `@acme-internal/${(partPath || repo).split('/').pop()}`,
    version: published?.version ?? '1.0.0',
    private: !published,
    dependencies: Object.fromEntries(uses.map(dep => [dep, '^1.0.0'])),
    devDependencies: uses.length ? { typescript: '^5.8.0' } : {},
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A README with the sections the Base Documentation pattern asks for. */
function innerSourceReadme(name, owners) {
  return [
    `# ${name}`,
    '',
    `${name} is shared by the ACME ${
      owners[0]?.teams[0] ?? 'platform'
    } team for every team that needs it.`,
    '',
    '## Getting started',
    '',
    'Install the package and follow the examples in `docs/`.',
    '',
    '## Getting help',
    '',
    'Ask in #acme-help or open an issue.',
    '',
    '## Getting involved',
    '',
    'Join the fortnightly community call; the calendar is in the team handbook.',
    '',
    '## Maintainers',
    '',
    ...owners.map(o => `- ${o.name} <${o.email}>`),
    '',
    '## Contributing',
    '',
    'See CONTRIBUTING.md.',
    '',
  ].join('\n');
}

/** The community files an InnerSource-ready demo project has. */
function innerSourceFiles(prefix, owners) {
  return {
    [`${prefix}CONTRIBUTING.md`]:
      '# Contributing\n\nClone the repository and build it with `yarn install && yarn build`.\n\nRun the tests with `yarn test`.\n\nSubmit changes as a pull request; we review within two working days.\n',
    [`${prefix}LICENSE`]:
      'ACME internal sharing terms: every ACME employee may use and change this code.\n',
    [`${prefix}SECURITY.md`]:
      '# Security\n\nReport vulnerabilities to security@acme.example.\n',
    [`${prefix}SUPPORT.md`]: '# Support\n\nAsk in #acme-help.\n',
    [`${prefix}CODE_OF_CONDUCT.md`]:
      '# Code of conduct\n\nBe kind and assume good intent.\n',
    [`${prefix}.github/CODEOWNERS`]: `* ${owners
      .map(o => o.email)
      .join(' ')}\n`,
    [`${prefix}.github/pull_request_template.md`]:
      '## What and why\n\n## How it was tested\n',
    [`${prefix}.github/ISSUE_TEMPLATE/bug.md`]:
      '---\nname: Bug report\nabout: Something does not work as documented\n---\n\n## What happened\n',
  };
}

const contractor = {
  name: 'External Contractor',
  email: 'dev@contractor.example',
};
const bot = {
  name: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com',
};

function history(info, seed) {
  const random = prng(seed);
  const pick = list => list[Math.floor(random() * list.length)];
  const commits = [];
  const span = 540 * DAY;
  const start = now - span;
  for (const part of info.parts) {
    const owners = membersOf(part.owner);
    const outsiders = users.filter(u => !u.teams.includes(part.owner));
    const prefix = part.path ? `${part.path}/` : '';
    const count = 30 + Math.floor(random() * 40);
    const outsideShare = part.innersource ? 0.35 : 0.08;
    for (let i = 0; i < count; i++) {
      // more recent work for InnerSource projects, so their activity reads higher
      const skew = part.innersource ? Math.sqrt(random()) : random();
      const time = start + Math.floor(skew * span);
      const roll = random();
      let author;
      if (roll < outsideShare) author = pick(outsiders);
      else if (roll < outsideShare + 0.04) author = contractor;
      else if (roll < outsideShare + 0.07) author = bot;
      else author = owners.length ? pick(owners) : pick(users);
      commits.push({
        time,
        author,
        file: `${prefix}src/${pick(['index', 'client', 'model', 'util'])}.ts`,
      });
    }
    // the files a project starts with
    commits.push({
      time: start - DAY,
      author: owners[0] ?? users[0],
      files: {
        [`${prefix}package.json`]: packageJson(info.repo, part.path),
        [`${prefix}README.md`]: part.innersource
          ? innerSourceReadme(part.name, owners)
          : `# ${part.name}\n\nPart of the ACME demo.\n`,
        ...(part.innersource ? innerSourceFiles(prefix, owners) : {}),
      },
    });
  }
  commits.sort((a, b) => a.time - b.time);
  // an old laptop address of the first owner, mapped back by .mailmap
  const firstOwner = membersOf(info.parts[0].owner)[0];
  if (firstOwner) {
    commits.splice(2, 0, {
      time: commits[1].time + 3600,
      author: {
        name: firstOwner.name,
        email: `${firstOwner.email.split('@')[0]}@old-laptop.local`,
      },
      file: `${
        info.parts[0].path ? `${info.parts[0].path}/` : ''
      }src/legacy.ts`,
    });
    commits.push({
      time: commits[commits.length - 1].time + 60,
      author: firstOwner,
      files: {
        '.mailmap': `${firstOwner.name} <${firstOwner.email}> <${
          firstOwner.email.split('@')[0]
        }@old-laptop.local>\n`,
      },
    });
  }
  return commits;
}

function writeRepository(dir, commits) {
  execFileSync('git', [
    'init',
    '--quiet',
    '--bare',
    '--initial-branch=main',
    dir,
  ]);
  const lines = [];
  commits.forEach((commit, index) => {
    const mark = index + 1;
    const who = `${commit.author.name} <${commit.author.email}> ${commit.time} +0000`;
    const message = commit.files
      ? 'Add project files'
      : `Update ${commit.file}`;
    lines.push(
      'commit refs/heads/main',
      `mark :${mark}`,
      `author ${who}`,
      `committer ${who}`,
    );
    lines.push(`data ${Buffer.byteLength(message)}`, message);
    if (index > 0) lines.push(`from :${index}`);
    // every 15th commit merges in the one before last, as a merged pull request would
    if (index > 2 && index % 15 === 0) lines.push(`merge :${index - 1}`);
    const files = commit.files ?? { [commit.file]: `// change ${mark}\n` };
    for (const [file, content] of Object.entries(files)) {
      lines.push(
        `M 100644 inline ${file}`,
        `data ${Buffer.byteLength(content)}`,
        content,
      );
    }
    lines.push('');
  });
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: `${lines.join('\n')}\n`,
  });
}

const marker = path.join(target, '.complete');
if (fs.existsSync(marker)) {
  console.log(`[demo] git repositories already in ${target}`);
  process.exit(0);
}
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
let seed = 42;
let total = 0;
for (const info of repos.values()) {
  const commits = history(info, seed++);
  writeRepository(path.join(target, `${info.repo}.git`), commits);
  total += commits.length;
}
fs.writeFileSync(marker, new Date().toISOString());
console.log(
  `[demo] created ${repos.size} git repositories with ${total} commits in ${target}`,
);
