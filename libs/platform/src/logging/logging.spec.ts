import { expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { serializeError } from './logging.module.js';

it('logs a failed query without the values bound to it', () => {
  const error = new QueryFailedError('INSERT INTO user_account (email, password_hash) VALUES ($1, $2)', ['a@b.c', '$argon2id$secret'], new Error('duplicate key'));
  const logged = JSON.stringify(serializeError(error));
  expect(logged).toContain('duplicate key');
  expect(logged).toContain('INSERT INTO user_account');
  expect(logged).not.toContain('argon2id');
  expect(logged).not.toContain('a@b.c');
});
