/** The settings page: packs and personal templates. Wiring only. */
import { render } from 'preact';
import '../../components/a11y.css';
import '../../components/options/options.css';
import '../../components/personal/personal.css';
import { Settings } from '../../components/options/Settings';

render(<Settings />, document.getElementById('root')!);
