/** The type a field of `innersource.json` must have. */
type FieldType = 'string' | 'url' | 'string[]';

/**
 * The fields of `innersource.json` that the SAP InnerSource Portal reads. All are optional;
 * other fields are allowed (the portal ignores them).
 */
export const INNERSOURCE_JSON_FIELDS: Record<
  string,
  { type: FieldType; purpose: string }
> = {
  title: {
    type: 'string',
    purpose: 'the name shown instead of the repository name',
  },
  motivation: {
    type: 'string',
    purpose: 'why the project exists, shown on its card',
  },
  contributions: {
    type: 'string[]',
    purpose: 'the kinds of contributions wanted',
  },
  skills: { type: 'string[]', purpose: 'the skills a contributor needs' },
  logo: { type: 'string', purpose: 'a path or URL of the logo' },
  docs: { type: 'url', purpose: 'the documentation URL' },
  language: { type: 'string', purpose: 'the main programming language' },
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.slice(0, 60))}`;
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(
    value,
  )}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What {@link checkInnersourceJson} found. */
export interface InnersourceJsonCheck {
  /** What is wrong, one entry per problem; empty when the file is valid. */
  problems: string[];
  /** The portal fields that are present with the right type. */
  validFields: string[];
}

/**
 * Checks the text of an `innersource.json` against the fields the SAP InnerSource Portal reads:
 * valid JSON, an object at the top, and each known field of the right type (`docs` an http(s)
 * URL, `contributions` and `skills` arrays of strings).
 */
export function checkInnersourceJson(text: string): InnersourceJsonCheck {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      problems: [
        `not valid JSON: ${
          error instanceof Error ? error.message : String(error)
        }`,
      ],
      validFields: [],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      problems: [
        `expected a JSON object at the top, found ${describeValue(data)}`,
      ],
      validFields: [],
    };
  }
  const record = data as Record<string, unknown>;
  const problems: string[] = [];
  const validFields: string[] = [];
  for (const [field, { type }] of Object.entries(INNERSOURCE_JSON_FIELDS)) {
    if (!(field in record)) continue;
    const value = record[field];
    if (type === 'string[]') {
      if (!Array.isArray(value)) {
        problems.push(
          `'${field}' should be an array of strings, found ${describeValue(
            value,
          )}`,
        );
        continue;
      }
      const wrong = value.findIndex(item => typeof item !== 'string');
      if (wrong >= 0) {
        problems.push(
          `'${field}' should be an array of strings, found ${describeValue(
            value[wrong],
          )} at index ${wrong}`,
        );
        continue;
      }
    } else if (typeof value !== 'string') {
      problems.push(
        `'${field}' should be a string, found ${describeValue(value)}`,
      );
      continue;
    } else if (type === 'url' && !isHttpUrl(value)) {
      problems.push(
        `'${field}' should be an http(s) URL, found ${describeValue(value)}`,
      );
      continue;
    }
    validFields.push(field);
  }
  return { problems, validFields };
}
