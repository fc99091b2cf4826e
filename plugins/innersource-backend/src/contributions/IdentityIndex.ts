import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** An extra email (or several) of a catalog user, from config. */
export interface IdentityAlias {
  userRef: string;
  emails: string[];
}

/** Login annotations that tie a catalog User to an SCM account. */
const LOGIN_ANNOTATIONS = ['github.com/user-login', 'gitlab.com/user-login'];

/** GitHub's privacy addresses: `login@users.noreply.github.com` or `123+login@...`. */
const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/;

/** Bots by default: GitHub's `[bot]` accounts and the usual dependency updaters and CI users. */
export const DEFAULT_BOT_PATTERNS = [
  '\\[bot\\]',
  '^(dependabot|renovate|github-actions|gitlab-bot|snyk-bot|greenkeeper)\\b',
  '^noreply@github\\.com$',
  '^(ci|build|bot|automation)@',
];

/**
 * Matches commit authors to catalog Users: by email (case-insensitive), by SCM login (from
 * GitHub noreply addresses and the users' login annotations), and by aliases from config.
 * Authors who match nothing stay unknown: they are never guessed from names.
 */
export class IdentityIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byLogin = new Map<string, string>();
  private readonly bots: RegExp[];

  constructor(options: {
    users: Entity[];
    aliases?: IdentityAlias[];
    botPatterns?: string[];
  }) {
    for (const user of options.users) {
      const ref = stringifyEntityRef(user);
      const email = (user.spec as { profile?: { email?: unknown } })?.profile
        ?.email;
      if (typeof email === 'string' && email) {
        this.byEmail.set(email.toLocaleLowerCase('en-US'), ref);
      }
      for (const annotation of LOGIN_ANNOTATIONS) {
        const login = user.metadata.annotations?.[annotation];
        if (login) this.byLogin.set(login.toLocaleLowerCase('en-US'), ref);
      }
    }
    for (const alias of options.aliases ?? []) {
      for (const email of alias.emails) {
        this.byEmail.set(email.toLocaleLowerCase('en-US'), alias.userRef);
      }
    }
    this.bots = (options.botPatterns ?? DEFAULT_BOT_PATTERNS).map(
      p => new RegExp(p, 'i'),
    );
  }

  /** Whether an author is a bot by the configured patterns (matched on email and name). */
  isBot(email: string, name: string): boolean {
    return this.bots.some(pattern => pattern.test(email) || pattern.test(name));
  }

  /** The catalog User with this SCM login (`github.com/user-login`, `gitlab.com/user-login`), if any. */
  userForLogin(login: string): string | undefined {
    return this.byLogin.get(login.toLocaleLowerCase('en-US'));
  }

  /** The catalog User behind an author email, if any. */
  userFor(email: string): string | undefined {
    const normalized = email.toLocaleLowerCase('en-US');
    const direct = this.byEmail.get(normalized);
    if (direct) return direct;
    const noreply = GITHUB_NOREPLY.exec(normalized);
    return noreply ? this.byLogin.get(noreply[1]) : undefined;
  }
}
