import { expect, it } from '@jest/globals';
import { Injectable, Module, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { QueueName } from '@careers/contracts';
import type { Job } from 'bullmq';
import { JobHandler, JobHandlers } from './job-handlers.js';

// The boot check alone, on a small module: the worker's processors and schedules need Redis, this does not.

@Injectable()
class Maintenance {
  @JobHandler(QueueName.MAINTENANCE, 'prune-refresh-tokens')
  async prune(): Promise<string> {
    return 'pruned';
  }
}

@Injectable()
class Vacancies {
  @JobHandler(QueueName.VACANCIES, 'vacancies-schedule')
  async schedule(): Promise<string> {
    return 'scheduled';
  }

  @JobHandler(QueueName.VACANCIES, 'deliver-webhook')
  async deliver(job: Job<{ deliveryId: string }>): Promise<string> {
    return `delivered ${job.data.deliveryId}`;
  }
}

@Injectable()
class Emails {
  @JobHandler(QueueName.NOTIFICATIONS, 'send-scheduled-emails')
  async send(): Promise<string> {
    return 'sent';
  }
}

@Injectable()
class Reminders {
  @JobHandler(QueueName.LIVE_CHATS, 'send-reminders')
  async remind(): Promise<string> {
    return 'reminded';
  }
}

@Injectable()
class MentorshipExpiry {
  @JobHandler(QueueName.MENTORING, 'expire-mentorship-requests')
  async expire(): Promise<string> {
    return 'expired';
  }

  @JobHandler(QueueName.MENTORING, 'scan-conversations')
  async scan(): Promise<string> {
    return 'scanned';
  }
}

@Injectable()
class MoreReminders {
  @JobHandler(QueueName.LIVE_CHATS, 'send-reminders')
  async remindAgain(): Promise<string> {
    return 'reminded twice';
  }
}

function boot(...handlers: Type[]) {
  @Module({ imports: [DiscoveryModule], providers: [JobHandlers, ...handlers] })
  class Jobs {}
  return NestFactory.createApplicationContext(Jobs, { logger: false, abortOnError: false });
}

it('boots with one handler per job of the map, and runs each job by its name', async () => {
  const app = await boot(Maintenance, Vacancies, Emails, Reminders, MentorshipExpiry);
  const handlers = app.get(JobHandlers);
  await expect(handlers.run(QueueName.VACANCIES, { name: 'deliver-webhook', data: { deliveryId: 'd1' } } as Job)).resolves.toBe('delivered d1');
  await expect(handlers.run(QueueName.LIVE_CHATS, { name: 'send-reminders', data: {} } as Job)).resolves.toBe('reminded');
  await expect(handlers.run(QueueName.LIVE_CHATS, { name: 'unheard-of', data: {} } as Job)).rejects.toThrow('No handler for live-chats job "unheard-of"');
  await app.close();
});

it('refuses to boot when a job has no handler, naming it', async () => {
  await expect(boot(Maintenance, Vacancies, Reminders, MentorshipExpiry)).rejects.toThrow(
    'Job handlers do not match the job map: notifications/send-scheduled-emails has no @JobHandler',
  );
});

it('refuses to boot when a job has two handlers, naming both', async () => {
  await expect(boot(Maintenance, Vacancies, Emails, Reminders, MoreReminders, MentorshipExpiry)).rejects.toThrow(
    'live-chats/send-reminders has 2 handlers (Reminders.remind, MoreReminders.remindAgain)',
  );
});
