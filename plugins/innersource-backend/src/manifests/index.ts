/**
 * Readers for dependency manifests (package.json, pom.xml, go.mod, pyproject.toml,
 * requirements*.txt): which package a repository publishes and which packages it uses.
 */
export { MANIFEST_FILE_PATTERNS, parseManifest } from './parseManifest';
export type {
  ManifestDependency,
  ManifestEcosystem,
  ParsedManifest,
} from './types';
