import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses a request's query with a schema, turning every problem into one readable 400 message, e.g.
 * `Invalid query: 'limit' must be at most 100; unknown parameter(s) 'foo'`.
 */
export function parseOrThrow<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown parameter(s) ${issue.keys
          .map(k => `'${k}'`)
          .join(', ')}`;
      }
      const path = issue.path.filter(p => typeof p === 'string').join('.');
      return path ? `'${path}' ${issue.message}` : issue.message;
    });
    throw new InputError(`Invalid query: ${problems.join('; ')}`);
  }
  return parsed.data;
}
