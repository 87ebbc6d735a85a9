/**
 * Client errors: a page that does not exist is an expected outcome (the +error page says so
 * in words), not something to log; anything else is logged for whoever debugs it.
 */
import type { HandleClientError } from '@sveltejs/kit';

export const handleError: HandleClientError = ({ error, status }) => {
  if (status !== 404) console.error(error);
  return { message: status === 404 ? 'not found' : 'error' };
};
