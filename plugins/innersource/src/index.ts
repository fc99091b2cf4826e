export { innersourcePlugin as default } from './plugin';
