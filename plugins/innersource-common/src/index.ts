/**
 * Types, the API client and pure functions shared by the InnerSource plugins.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './scores';
export * from './client';
