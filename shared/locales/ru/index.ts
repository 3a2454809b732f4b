import messages from './messages.ts';
import plans from './plans.ts';
import ui from './ui.ts';

export default { messages, plans, ui };
