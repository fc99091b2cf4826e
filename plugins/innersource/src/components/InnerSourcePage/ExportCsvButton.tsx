import {
  alertApiRef,
  discoveryApiRef,
  fetchApiRef,
  useApiHolder,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ProjectListQuery,
  projectListQueryToSearchParams,
} from '@innersource-backstage/plugin-innersource-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';

/** The name the downloaded file is saved as. */
export const CSV_FILE_NAME = 'innersource-projects.csv';

/** @internal */
export interface ExportCsvButtonProps {
  /** What to match and how to sort; every page is exported. */
  query: ProjectListQuery;
}

/** Saves a blob as a file through a temporary link. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads the whole current result (all pages) as CSV. The request goes through `fetchApi`, so
 * it carries the user's Backstage credentials, which a plain link would not.
 *
 * @internal
 */
export function ExportCsvButton(props: ExportCsvButtonProps) {
  const { query } = props;
  // The APIs are looked up on click, so that the button renders even where they are missing.
  const apis = useApiHolder();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const discoveryApi = apis.get(discoveryApiRef);
      const fetchApi = apis.get(fetchApiRef);
      if (!discoveryApi || !fetchApi) {
        throw new Error('the discovery and fetch APIs are not available');
      }
      const baseUrl = await discoveryApi.getBaseUrl('innersource');
      const params = projectListQueryToSearchParams({
        ...query,
        facets: undefined,
        limit: undefined,
        offset: undefined,
      });
      const search = params.toString();
      const response = await fetchApi.fetch(
        `${baseUrl}/projects.csv${search ? `?${search}` : ''}`,
      );
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      saveBlob(await response.blob(), CSV_FILE_NAME);
    } catch (error) {
      apis.get(alertApiRef)?.post({
        message: `Could not export the projects: ${
          error instanceof Error ? error.message : String(error)
        }`,
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button
      variant="outlined"
      size="small"
      onClick={exportCsv}
      disabled={exporting}
      startIcon={
        exporting ? (
          <CircularProgress size={16} aria-hidden />
        ) : (
          <GetAppIcon aria-hidden />
        )
      }
    >
      Export CSV
    </Button>
  );
}
