import type { Redis } from 'ioredis';

/**
 * Closes a client politely (QUIT), or at once when that fails. A QUIT the
 * server answers by closing leaves the client ended already: disconnecting it
 * then would start a 2-second timer nothing clears (ioredis), which keeps the
 * process alive after everything else has closed.
 */
export async function closeRedis(client: Redis): Promise<void> {
  await client.quit().catch(() => {
    if (client.status !== 'end') client.disconnect();
  });
}
