/**
 * Extension points and types for backend modules of the InnerSource plugin.
 *
 * @packageDocumentation
 */
export * from './rules';
export * from './repositoryFiles';
export * from './extensions';
export * from './scm';
export * from './scmHttp';
