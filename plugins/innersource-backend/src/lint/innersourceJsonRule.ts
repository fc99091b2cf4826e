import { InnerSourceLintRule } from '@innersource-backstage/plugin-innersource-node';
import { checkInnersourceJson } from './innersourceJson';
import {
  fail,
  fileRef,
  fileRule,
  listing,
  notApplicable,
  pass,
  readTextFile,
} from './ruleKit';

/** The pattern whose portal reads `innersource.json`. */
export const INNERSOURCE_PORTAL_URL =
  'https://patterns.innersourcecommons.org/p/innersource-portal';

/**
 * The optional `innersource.json` of the SAP InnerSource Portal: when a project has one, it must
 * be valid, since portals that read it otherwise skip the project or show wrong data.
 */
export const innersourceJsonRule: InnerSourceLintRule = fileRule({
  id: 'discoverability.innersource-json',
  title: 'innersource.json is valid',
  category: 'discoverability',
  severity: 'warning',
  guidanceUrl: INNERSOURCE_PORTAL_URL,
  remediation:
    'Fix `innersource.json` so that it is a JSON object with, all optional: `title`, `motivation`, `logo`, `language` (strings), `docs` (an http(s) URL), `contributions` and `skills` (arrays of strings):\n\n```json\n{\n  "title": "Ledger SDK",\n  "motivation": "One way for every team to post to the ledger",\n  "contributions": ["Bug fixes", "New currencies"],\n  "skills": ["TypeScript"],\n  "docs": "https://docs.example/ledger"\n}\n```',
  check: async ({ files }) => {
    const folders = files.entityPath ? [files.entityPath, ''] : [''];
    const file = await files.find(['innersource.json'], folders);
    if (!file) {
      return notApplicable('No innersource.json (it is optional)');
    }
    const ref = [fileRef(file)];
    const text = await readTextFile(files, file);
    if (!text.ok)
      return fail(
        `Expected ${file.path} to be JSON text, found ${text.problem}`,
        ref,
      );
    if (text.truncationNote) {
      return fail(
        `Expected a small JSON file, found ${file.path} too large to read ${text.truncationNote}`,
        ref,
      );
    }
    const { problems, validFields } = checkInnersourceJson(text.text);
    if (problems.length > 0) {
      return fail(
        `Expected ${
          file.path
        } to match the InnerSource Portal's fields, found: ${problems.join(
          '; ',
        )}`,
        ref,
      );
    }
    return pass(
      `${file.path} is valid${
        validFields.length
          ? ` (${listing(validFields)})`
          : ', though it sets none of the portal fields'
      }`,
      ref,
    );
  },
});
