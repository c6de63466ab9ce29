/** The print view of a letter (opened by the background, see lib/print/session.ts). Wiring only. */
import { render } from 'preact';
import '../../components/print/print.css';
import { PrintPage } from '../../components/print/PrintPage';

render(<PrintPage id={location.hash.slice(1)} />, document.getElementById('root')!);
