import {
  MANIFEST_FILE_PATTERNS,
  parseManifest,
  ParsedManifest,
} from '../manifests';
import { InnerSourceMetadata } from '@innersource-backstage/plugin-innersource-common';
import { runGit, streamGit } from './runGit';

/** Manifests larger than this are skipped: no real one is, and reading it would cost memory. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
import { SyncedRepository } from './GitRepositoryCache';

/** The fields of innersource.json the portal uses, each kept only when of the right type. */
export function innerSourceMetadataFrom(
  json: unknown,
): InnerSourceMetadata | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return undefined;
  const o = json as Record<string, unknown>;
  const text = (key: string) =>
    typeof o[key] === 'string' && (o[key] as string).trim()
      ? { [key]: (o[key] as string).trim() }
      : {};
  const list = (key: string) =>
    Array.isArray(o[key]) &&
    (o[key] as unknown[]).every(v => typeof v === 'string')
      ? { [key]: o[key] as string[] }
      : {};
  return {
    ...text('title'),
    ...text('motivation'),
    ...list('contributions'),
    ...list('skills'),
    ...text('logo'),
    ...text('docs'),
    ...text('language'),
  };
}

/** One commit as the analysis needs it. */
export interface CommitRecord {
  sha: string;
  /** Author email after `.mailmap`, lower-cased. */
  email: string;
  /** Author name after `.mailmap`. */
  name: string;
  /** Author time, seconds since the epoch. */
  time: number;
}

const SEP = '\x1f';

/**
 * Reads commit history with git itself. Merge commits are left out: they record that work was
 * integrated, and the work itself is counted through the commits they bring in; counting both
 * would credit whoever clicks "merge" with other people's contributions.
 */
export class GitHistoryReader {
  constructor(private readonly options: { timeoutMs: number }) {}

  /**
   * Commits reachable from HEAD that touch `path` ('' = all), newest first. With `sinceSha`,
   * only the commits after it; when `sinceSha` is no longer an ancestor of HEAD (history was
   * rewritten), everything is read again and `complete` says so.
   */
  async readCommits(
    repo: SyncedRepository,
    options: { path: string; sinceSha?: string },
  ): Promise<{ commits: CommitRecord[]; complete: boolean }> {
    if (!repo.headSha) return { commits: [], complete: true };
    let range = repo.headSha;
    let complete = true;
    if (options.sinceSha) {
      if (options.sinceSha === repo.headSha)
        return { commits: [], complete: false };
      if (await this.isAncestor(repo, options.sinceSha)) {
        range = `${options.sinceSha}..${repo.headSha}`;
        complete = false;
      }
    }
    const args = [
      'log',
      '--no-merges',
      `--format=%H${SEP}%aE${SEP}%aN${SEP}%at`,
      range,
    ];
    if (options.path) args.push('--', options.path);
    const commits: CommitRecord[] = [];
    // A history has far fewer authors than commits: lower-case each address once, and let all
    // commits of an author share one copy of the address and name.
    const emails = new Map<string, string>();
    const names = new Map<string, string>();
    await streamGit(args, {
      cwd: repo.dir,
      // .mailmap of the default branch; a bare repository has no work tree to read it from
      config: { ...repo.gitConfig, 'mailmap.blob': 'HEAD:.mailmap' },
      timeoutMs: this.options.timeoutMs,
      onLine: line => {
        const [sha, rawEmail = '', rawName = '', time] = line.split(SEP);
        if (sha && time) {
          let email = emails.get(rawEmail);
          if (email === undefined) {
            email = rawEmail.toLocaleLowerCase('en-US');
            emails.set(rawEmail, email);
          }
          let name = names.get(rawName);
          if (name === undefined) {
            name = rawName;
            names.set(rawName, name);
          }
          commits.push({ sha, email, name, time: Number(time) });
        }
      },
    });
    return { commits, complete };
  }

  /**
   * Whether a contributing guide (CONTRIBUTING, any extension, any case) is at HEAD in the
   * entity's folder or the repository root, directly or under `docs/`, `.github/` or `.gitlab/`:
   * the places GitHub and GitLab look.
   */
  async hasContributingGuide(
    repo: SyncedRepository,
    path: string,
  ): Promise<boolean> {
    if (!repo.headSha) return false;
    const bases = path ? [`${path}/`, ''] : [''];
    for (const base of bases) {
      for (const folder of ['', 'docs/', '.github/', '.gitlab/']) {
        let output: string;
        try {
          output = await runGit(
            ['ls-tree', '--name-only', `HEAD:${base}${folder}`],
            {
              cwd: repo.dir,
              config: repo.gitConfig,
              timeoutMs: this.options.timeoutMs,
            },
          );
        } catch {
          continue; // the folder does not exist
        }
        if (
          output
            .split('\n')
            .some(name => /^contributing(\.[a-z]+)?$/i.test(name))
        ) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The dependency manifests (package.json, pom.xml, go.mod, pyproject.toml, requirements*.txt)
   * at HEAD in the entity's folder, parsed. Only these files' contents are fetched.
   */
  async readManifests(
    repo: SyncedRepository,
    path: string,
  ): Promise<ParsedManifest[]> {
    if (!repo.headSha) return [];
    const folder = path ? `${path}/` : '';
    let names: string[];
    try {
      names = (
        await runGit(['ls-tree', '--name-only', `HEAD:${folder}`], {
          cwd: repo.dir,
          config: repo.gitConfig,
          timeoutMs: this.options.timeoutMs,
        })
      ).split('\n');
    } catch {
      return []; // the folder does not exist at HEAD
    }
    const manifests: ParsedManifest[] = [];
    for (const name of names.filter(n =>
      MANIFEST_FILE_PATTERNS.some(p => p.test(n)),
    )) {
      const file = `${folder}${name}`;
      const size = Number(
        await runGit(['cat-file', '-s', `HEAD:${file}`], {
          cwd: repo.dir,
          config: repo.gitConfig,
          timeoutMs: this.options.timeoutMs,
        }),
      );
      if (!(size <= MAX_MANIFEST_BYTES)) continue;
      const content = await runGit(['cat-file', 'blob', `HEAD:${file}`], {
        cwd: repo.dir,
        config: repo.gitConfig,
        timeoutMs: this.options.timeoutMs,
      });
      const parsed = parseManifest(file, content);
      if (parsed) manifests.push(parsed);
    }
    return manifests;
  }

  /**
   * The owner-written `innersource.json` in the entity folder, else at the repository root,
   * parsed; undefined when absent or unreadable (the lint rule reports what is wrong with it).
   */
  async readInnerSourceJson(
    repo: SyncedRepository,
    path: string,
  ): Promise<InnerSourceMetadata | undefined> {
    if (!repo.headSha) return undefined;
    for (const file of [
      ...new Set([path ? `${path}/innersource.json` : '', 'innersource.json']),
    ]) {
      if (!file) continue;
      let text: string;
      try {
        text = await runGit(['cat-file', 'blob', `HEAD:${file}`], {
          cwd: repo.dir,
          config: repo.gitConfig,
          timeoutMs: this.options.timeoutMs,
        });
      } catch {
        continue; // not there
      }
      try {
        return innerSourceMetadataFrom(JSON.parse(text));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private async isAncestor(
    repo: SyncedRepository,
    sha: string,
  ): Promise<boolean> {
    try {
      await runGit(['merge-base', '--is-ancestor', sha, repo.headSha!], {
        cwd: repo.dir,
      });
      return true;
    } catch {
      return false;
    }
  }
}
