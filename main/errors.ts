import type { ApiErrorCode } from '../shared/api/index.ts';
import type { MessageKey, MessageParams } from '../shared/messages.ts';

/** An error a user can act on: a code for programs and a message key for people. */
export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly key: MessageKey;
  readonly params: MessageParams;

  constructor(code: ApiErrorCode, key: MessageKey, params: MessageParams = {}) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = params;
  }
}
