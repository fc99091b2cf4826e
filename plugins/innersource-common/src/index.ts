/**
 * Types, the API client and pure functions shared by the InnerSource plugins.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './contributions';
export * from './scores';
export * from './client';
export * from './activity';
export * from './program';
export * from './scm';
