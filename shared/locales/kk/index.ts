import messages from './messages.ts';
import ui from './ui.ts';

export default { messages, ui };
