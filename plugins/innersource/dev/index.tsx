import { createDevApp } from '@backstage/frontend-dev-utils';
import innersourcePlugin from '../src/alpha';

// Serves the discovery page at /innersource against the InnerSource backend. The entity tab
// attaches to the catalog's entity page, which this minimal dev app does not include.
createDevApp({ features: [innersourcePlugin] });
