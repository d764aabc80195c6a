import { Inject, Injectable } from '@nestjs/common';
import { type DomainEvent, MENTOR_INVITATION_TOKEN } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, escapeHtml, type EventListener, EventListeners, Mailer, signToken } from '@careers/platform';

// Names go into the Subject header: nothing in them may start a header of its own.
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * Emails a mentor invitation (`identity.mentor-invited`) to its address. The person has no account yet, so no
 * preferences apply and it goes at once, straight through the Mailer: at least once (a retry after a crash
 * between the SMTP server's answer and the listener's delivery row sends it again). The link's token is signed
 * here over the invitation's id and checked by identity; it is never stored.
 */
@Injectable()
export class MentorInvitationEmailListener implements EventListener<'identity.mentor-invited'> {
  readonly name = 'notifications.mentor-invitation-email';
  readonly event = 'identity.mentor-invited' as const;

  constructor(
    listeners: EventListeners,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    listeners.register(this);
  }

  async handle(event: DomainEvent<'identity.mentor-invited'>): Promise<void> {
    const p = event.payload;
    const link = `${this.config.PUBLIC_URL}/invitations/${signToken(this.config.JWT_SECRET, MENTOR_INVITATION_TOKEN, [p.invitationId])}`;
    const until = `${p.expiresAt.slice(0, 10)}`;
    const lines = [
      `Hello ${p.displayName},`,
      `${p.inviterName} of ${p.institutionName}'s careers service invites you to mentor their students on the careers network: answer their questions and, if you wish, mentor a few of them.`,
      ...(p.note ? [`Their note: ${p.note}`] : []),
      `Accept the invitation and make your account (the link works until ${until}): ${link}`,
      `If you did not expect this, ignore it: nothing happens unless you follow the link.`,
    ];
    await this.mailer.send({
      to: p.email,
      subject: oneLine(`${p.inviterName} invites you to mentor ${p.institutionName}'s students`),
      text: lines.join('\n\n'),
      html: lines
        .map((l) => `<p>${escapeHtml(l).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`)
        .join(''),
    });
  }
}
