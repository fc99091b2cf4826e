import { ParsedManifest } from '../manifests';

/** A consumer found through a dependency manifest. */
export interface ManifestConsumer {
  consumerRef: string;
  /** The consumer's manifest file that declares the dependency. */
  via: string;
}

/**
 * Who uses whose packages, by dependency manifests: an entity whose manifest publishes a package
 * (e.g. `"name": "@acme/ledger-sdk"`) is used by every other entity whose manifest depends on
 * it, in any scope but Maven's dependency management (which declares versions, not use).
 * When two entities publish the same package, the first by ref is taken as its publisher.
 */
export function manifestConsumers(
  manifests: Map<string, ParsedManifest[]>,
): Map<string, ManifestConsumer[]> {
  const publisherOf = new Map<string, string>();
  for (const [entityRef, files] of [...manifests.entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  )) {
    for (const manifest of files) {
      if (!manifest.publishes) continue;
      const key = `${manifest.ecosystem}:${manifest.publishes}`;
      if (!publisherOf.has(key)) publisherOf.set(key, entityRef);
    }
  }

  const consumers = new Map<string, ManifestConsumer[]>();
  for (const [consumerRef, files] of manifests) {
    for (const manifest of files) {
      for (const dependency of manifest.dependencies) {
        if (dependency.scope === 'managed') continue;
        const publisherRef = publisherOf.get(
          `${dependency.ecosystem}:${dependency.name}`,
        );
        if (!publisherRef || publisherRef === consumerRef) continue;
        const list = consumers.get(publisherRef) ?? [];
        if (
          !list.some(
            c => c.consumerRef === consumerRef && c.via === manifest.file,
          )
        ) {
          list.push({ consumerRef, via: manifest.file });
        }
        consumers.set(publisherRef, list);
      }
    }
  }
  return consumers;
}
