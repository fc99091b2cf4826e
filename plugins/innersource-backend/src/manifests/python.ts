/** Names shared by the Python manifest readers. */

/**
 * A project name normalised per PEP 503: lower-case, with each run of `-`, `_` and `.` turned into
 * a single `-`. Python package indexes compare names this way.
 */
export function normalizePythonName(name: string): string {
  return name
    .trim()
    .replace(/[-_.]+/g, '-')
    .toLowerCase();
}

/**
 * A PEP 508 name: letters and digits, with `.`, `_` and `-` inside. It ends where a version, extra,
 * marker or URL begins (any of ` <>=!~;[(@`).
 */
const REQUIREMENT_NAME =
  /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?=$|[\s<>=!~;[(@])/;

/**
 * The normalised package name of a PEP 508 requirement such as `requests[socks] >= 2.8; python_version
 * < "3.12"`, or undefined when it does not start with a name.
 */
export function requirementName(requirement: string): string | undefined {
  const name = REQUIREMENT_NAME.exec(requirement)?.[1];
  return name === undefined ? undefined : normalizePythonName(name);
}
