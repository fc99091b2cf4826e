import { parseGoMod } from './goMod';
import { parsePackageJson } from './packageJson';
import { basename } from './paths';
import { parsePomXml } from './pomXml';
import { parsePyprojectToml } from './pyprojectToml';
import { parseRequirementsTxt } from './requirementsTxt';
import { ManifestEcosystem, ParsedManifest } from './types';

type ManifestParser = (file: string, content: string) => ParsedManifest;

interface ManifestFormat {
  pattern: RegExp;
  ecosystem: ManifestEcosystem;
  parse: ManifestParser;
}

/** Each manifest reader with the file names it reads. */
const FORMATS: ReadonlyArray<ManifestFormat> = [
  { pattern: /^package\.json$/, ecosystem: 'npm', parse: parsePackageJson },
  { pattern: /^pom\.xml$/, ecosystem: 'maven', parse: parsePomXml },
  { pattern: /^go\.mod$/, ecosystem: 'go', parse: parseGoMod },
  {
    pattern: /^pyproject\.toml$/,
    ecosystem: 'pypi',
    parse: parsePyprojectToml,
  },
  {
    pattern: /^requirements.*\.txt$/,
    ecosystem: 'pypi',
    parse: parseRequirementsTxt,
  },
];

/** A file that is not a manifest at all can give a problem per line; the first few tell enough. */
const MAX_PROBLEMS = 20;

function withFewProblems(manifest: ParsedManifest): ParsedManifest {
  const { problems } = manifest;
  if (problems.length <= MAX_PROBLEMS) return manifest;
  return {
    ...manifest,
    problems: [
      ...problems.slice(0, MAX_PROBLEMS),
      `and ${problems.length - MAX_PROBLEMS} more problems`,
    ],
  };
}

/**
 * The file names (basenames, not paths) {@link parseManifest} reads: `package.json`, `pom.xml`,
 * `go.mod`, `pyproject.toml` and `requirements*.txt`.
 *
 * @public
 */
export const MANIFEST_FILE_PATTERNS: RegExp[] = FORMATS.map(
  format => format.pattern,
);

/**
 * Reads the text of a dependency manifest, choosing the reader by the file's name: the package the
 * manifest publishes and the packages it depends on. Undefined for a file that is not a manifest.
 * Never throws: whatever cannot be read is reported in `problems`.
 *
 * @param file - the path of the manifest, e.g. `services/api/package.json`
 * @param content - the text of the file
 * @public
 */
export function parseManifest(
  file: string,
  content: string,
): ParsedManifest | undefined {
  const name = basename(file);
  const format = FORMATS.find(({ pattern }) => pattern.test(name));
  if (!format) return undefined;
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const text = content.replace(/^\uFEFF/, '');
  try {
    return withFewProblems(format.parse(file, text));
  } catch (error) {
    // The readers report problems rather than throw; this only guards against the unforeseen,
    // such as a stack overflow on absurdly deep nesting, so one bad file cannot stop a scan.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      ecosystem: format.ecosystem,
      dependencies: [],
      problems: [`could not be read: ${reason}`],
    };
  }
}
