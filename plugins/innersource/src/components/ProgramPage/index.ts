export { ProgramPage } from './ProgramPage';
