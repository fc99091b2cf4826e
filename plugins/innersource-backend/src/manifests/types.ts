/**
 * The package ecosystems whose manifests can be parsed.
 *
 * @public
 */
export type ManifestEcosystem = 'npm' | 'maven' | 'go' | 'pypi';

/**
 * One package a manifest depends on.
 *
 * @public
 */
export interface ManifestDependency {
  ecosystem: ManifestEcosystem;
  /** The package name, normalised the way its ecosystem compares names. */
  name: string;
  /**
   * How the package is used, when the manifest says so: e.g. `runtime`, `dev`, `peer`, `optional`,
   * `test` (a Maven scope), `managed` (Maven dependency management), `indirect` (Go) or the name of
   * a Python extra or dependency group.
   */
  scope?: string;
}

/**
 * What one manifest file says about the package a repository publishes and the packages it uses.
 *
 * @public
 */
export interface ParsedManifest {
  /** The path of the manifest, as given. */
  file: string;
  ecosystem: ManifestEcosystem;
  /** The package name this manifest defines, normalised; absent when it defines none. */
  publishes?: string;
  dependencies: ManifestDependency[];
  /** Human-readable problems met while parsing; whatever could be read is still returned. */
  problems: string[];
}
