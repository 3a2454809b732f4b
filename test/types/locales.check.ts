// Not run, only compiled (npm run typecheck): the mistakes the typed locales must catch, in main's t and the renderer's
// alike. Each @ts-expect-error marks one; if the typing ever stops working, tsc reports the directive as unused.
import { useTranslation } from 'react-i18next';
import { AppError } from '../../main/errors.ts';
import { tFor } from '../../shared/i18n.ts';
import { issue, type Message } from '../../shared/messages.ts';

const main = tFor('ru');

// Right: a key all three languages have; its placeholder given; a plural family by its base key, with count; an extra
// param (a value's Kazakh twin) is allowed. Then the mistakes.

// The main process and the CLI (shared/i18n.ts tFor).
main('ui.common.save');
main('messages.db.corrupt', { file: 'jinaq.sqlite' });
main('ui.plan.schools.chosen', { count: 2 });
main('messages.cli.formImported.added', { form: 'zabota v1', formKk: 'zabota v1' });
// @ts-expect-error a key that does not exist
main('ui.common.sav');
// @ts-expect-error a placeholder named wrong: the text has {{file}}
main('messages.db.corrupt', { path: 'jinaq.sqlite' });
// @ts-expect-error a placeholder left out
main('messages.db.corrupt');
// @ts-expect-error a key one language lacks: only Russian has the plural form «few», Kazakh and English do not
main('ui.plan.schools.chosen_few', { count: 2 });
// @ts-expect-error a plural family without its count
main('ui.plan.schools.chosen');

// The renderer (react-i18next's useTranslation).
export function RendererMistakes(): void {
  const { t } = useTranslation();
  t('ui.common.save');
  t('messages.db.corrupt', { file: 'jinaq.sqlite' });
  t('ui.plan.schools.chosen', { count: 2 });
  t('messages.cli.formImported.added', { form: 'zabota v1', formKk: 'zabota v1' });
  // @ts-expect-error a key that does not exist
  t('ui.common.sav');
  // @ts-expect-error a placeholder named wrong: the text has {{file}}
  t('messages.db.corrupt', { path: 'jinaq.sqlite' });
  // @ts-expect-error a placeholder left out
  t('messages.db.corrupt');
  // @ts-expect-error a key one language lacks: only Russian has the plural form «few», Kazakh and English do not
  t('ui.plan.schools.chosen_few', { count: 2 });
  // @ts-expect-error a plural family without its count
  t('ui.plan.schools.chosen');
}

// Message keys (those under `messages`) as main sends them to the renderer.
export const known: Message = { key: 'db.corrupt', params: { file: 'jinaq.sqlite' } };
// @ts-expect-error a message key that does not exist
export const unknown: Message = { key: 'db.corupt', params: { file: 'jinaq.sqlite' } };
// @ts-expect-error a key outside `messages`
export const outside = issue('error', 'ui.common.save');
// @ts-expect-error AppError's key is a message key too
export const error = new AppError('conflict', 'db.corupt', { file: 'jinaq.sqlite' });
