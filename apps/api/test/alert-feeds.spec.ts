import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { APP_CONFIG, type AppConfig, Outbox } from '@careers/platform';
import { CREATE_ALERT, DECIDE_VACANCY, errorCode, Factory, ok, POST_VACANCY, startApi, type TestApi, type TestUser, twoTenants, UPDATE_VACANCY } from '@careers/testing';
import { AlertEmails, AlertMatcher, WebhookSender } from '@careers/vacancies';
import { DomUtils, parseDocument } from 'htmlparser2';
import Parser from 'rss-parser';
import sax from 'sax';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

/**
 * Alert feeds read as a feed reader reads them: parsed as strict XML, each
 * field shown as its type says (plain text, or HTML that is then rendered),
 * and parsed again by rss-parser. Vacancy text and subscriber text are hostile.
 */

// Only the figures these tests compare whole.
const FIGURES = `query($id: ID!) { vacancy(id: $id) { alertFigures { matched feed } } }`;
// With a path, to show every link is built from it.
const PUBLIC_URL = 'https://careers.example/network';
const CLOSES = new Date(Date.now() + 20 * 24 * 3600 * 1000);
const vacancy = (over: Record<string, unknown>) => ({
  title: 'Policy analyst',
  description: 'Research and write policy briefings for our clients, in a small team.',
  sector: 'Government',
  location: 'Leeds',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  closesAt: CLOSES.toISOString(),
  applyUrl: 'https://jobs.example.com/1',
  employerName: 'Acme',
  submit: true,
  ...over,
});

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict XML parse: any well-formedness error throws, as it would stop a feed reader. */
function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, {});
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const open = [root];
  parser.onerror = (err) => {
    throw err;
  };
  parser.onopentag = (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    open.at(-1)!.children.push(el);
    open.push(el);
  };
  parser.onclosetag = () => void open.pop();
  parser.ontext = (text) => void (open.at(-1)!.text += text);
  parser.oncdata = (text) => void (open.at(-1)!.text += text);
  parser.write(xml).close();
  return root.children[0]!;
}

const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];
const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)!;

/** What would run if a reader rendered this HTML: scripts, event handlers, javascript: addresses. */
function executable(html: string): string[] {
  const found: string[] = [];
  for (const el of DomUtils.findAll(() => true, parseDocument(html).children)) {
    if (['script', 'iframe', 'object', 'embed'].includes(el.name)) found.push(`<${el.name}>`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) found.push(`${el.name} ${name}`);
      if (/^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${el.name} ${name}=${value}`);
    }
  }
  return found;
}

/** The text a reader shows for an HTML field, after checking nothing in it would run. */
function shownHtml(html: string): string {
  expect([html, executable(html)]).toEqual([html, []]);
  return DomUtils.textContent(parseDocument(html));
}

/** The text a reader shows for an Atom text construct (RFC 4287 3.1: plain text unless type says html). */
function shownAtom(el: XmlElement): string {
  const type = el.attrs['type'] ?? 'text';
  if (type === 'html') return shownHtml(el.text);
  expect(type).toBe('text');
  return el.text;
}

/** A feed at its public address, fetched from this test's api (PUBLIC_URL is where people would reach it). */
async function fetchFeed(api: TestApi, url: string): Promise<string> {
  expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
  const res = await fetch(`${api.url}${url.slice(PUBLIC_URL.length)}`);
  expect([url, res.status]).toEqual([url, 200]);
  return res.text();
}

interface Shown {
  title: string;
  summary: string;
  link: string;
}

/** Fetches both feeds of an alert, checks them as a reader would, and returns what a reader shows of each entry. */
async function readFeeds(api: TestApi, alert: { atomUrl: string; rssUrl: string }): Promise<{ atom: Shown[]; rss: Shown[]; links: string[] }> {
  const atomText = await fetchFeed(api, alert.atomUrl);
  const rssText = await fetchFeed(api, alert.rssUrl);
  const atom = parseXml(atomText);
  const rss = parseXml(rssText);

  const links = [
    ...all(atom).flatMap((el) => (el.name === 'link' ? [el.attrs['href']!] : [])),
    ...all(rss).flatMap((el) => (el.name === 'link' ? [el.text] : el.name === 'atom:link' ? [el.attrs['href']!] : [])),
  ];
  const atomEntries = atom.children.filter((c) => c.name === 'entry');
  for (const entry of atomEntries) shownHtml(child(entry, 'content').text);
  const rssItems = child(rss, 'channel').children.filter((c) => c.name === 'item');
  for (const item of rssItems) shownHtml(child(item, 'content:encoded').text);

  // A real feed reader's parser agrees on the titles.
  const parser = new Parser();
  const readerTitles = [(await parser.parseString(atomText)).items.map((i) => i.title), (await parser.parseString(rssText)).items.map((i) => i.title)];
  const result = {
    atom: atomEntries.map((e) => ({
      title: shownAtom(child(e, 'title')),
      summary: shownAtom(child(e, 'summary')),
      link: child(e, 'link').attrs['href']!,
    })),
    // RSS 2.0: an item's title is plain text, its description HTML.
    rss: rssItems.map((i) => ({ title: child(i, 'title').text, summary: shownHtml(child(i, 'description').text), link: child(i, 'link').text })),
    links,
  };
  expect(readerTitles).toEqual([result.atom.map((e) => e.title), result.rss.map((e) => e.title)]);
  return result;
}

describe('alert feeds', () => {
  let api: TestApi;
  let factory: Factory;
  let db: DataSource;
  let school: Institution;
  let staff: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp, { PUBLIC_URL });
    factory = new Factory(api);
    db = api.app.get(DataSource);
    school = await factory.institution();
    staff = await factory.user(Role.STAFF, { institution: school });
  });
  afterAll(() => api.close());

  /** Matches a published vacancy now (a worker of another test file may have done it first: the match is stored once). */
  const match = (vacancyId: string) => db.transaction((tx) => new AlertMatcher().match(tx, vacancyId, [school.id]));

  it('shows hostile titles, employers, locations and keywords as text that runs nothing, in well-formed XML for every subscriber', async () => {
    const tag = randomUUID().slice(0, 8);
    // PostgreSQL's parser skips the tag, so this keyword matches as policy<tag> and shows in "why" as written.
    const keyword = `<b onmouseover="alert(1)">policy${tag}</b>`;
    const [mallory, other] = await Promise.all([factory.user(Role.STUDENT, { institution: school }), factory.user(Role.STUDENT, { institution: school })]);
    const alerts = [
      ok(await api.gql(CREATE_ALERT, { i: { name: `<i onclick=alert(1)>Mine</i> & ]]>`, keywords: [keyword] } }, mallory.token)).createAlertSubscription,
      ok(await api.gql(CREATE_ALERT, { i: { name: 'Policy', keywords: [`policy${tag}`] } }, other.token)).createAlertSubscription,
    ];
    const posted = [
      { title: `<img src=x onerror=alert(1)> Policy${tag} analyst`, employerName: 'Acme & Sons <Policy>', location: 'Leeds <script>alert(1)</script>' },
      { title: `]]><script>alert(1)</script>]]><x> Policy${tag} role`, employerName: 'Beta ]]> Ltd', location: 'York' },
      { title: `Policy${tag} officer \u0007 with a bell`, employerName: `"Quoted" & 'single'`, location: 'Hull' },
    ];
    const ids: string[] = [];
    for (const v of posted) {
      const description = `Apply <script>alert(1)</script> [here](javascript:alert(1)) <img src=x onerror=alert(1)> for policy${tag} work.`;
      const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ ...v, description }) }, staff.token)).postVacancy;
      await match(id); // before the next is posted, so the feeds' order (newest match first) is known
      ids.push(id);
    }

    // Newest match first; the bell (not allowed in XML) is dropped, everything else shows as it was written.
    const titles = posted.map((v) => `${v.title.replace('\u0007', '')} (${v.employerName}, ${v.location})`).reverse();
    const links = ids.map((id) => `${PUBLIC_URL}/vacancies/${id}`).reverse();
    const closes = CLOSES.toISOString().slice(0, 10);
    for (const [n, alert] of alerts.entries()) {
      const { atom, rss, links: every } = await readFeeds(api, alert);
      const why = n === 0 ? `Why: keyword: ${keyword}. Closes ${closes}.` : `Why: keyword: policy${tag}. Closes ${closes}.`;
      const expected = titles.map((title, i) => ({ title, summary: why, link: links[i] }));
      expect(atom).toEqual(expected);
      expect(rss).toEqual(expected);
      expect(every.filter((l) => !l.startsWith(`${PUBLIC_URL}/`))).toEqual([]);
      expect(every).toEqual(expect.arrayContaining([alert.atomUrl, alert.rssUrl, `${PUBLIC_URL}/alerts/${alert.id}`]));
    }
    const feed = parseXml(await fetchFeed(api, alerts[0]!.atomUrl));
    expect(shownAtom(child(feed, 'title'))).toBe('Vacancy alert: <i onclick=alert(1)>Mine</i> & ]]>');
  });

  it('counts every read since a match in alertFigures.feed, however soon after the last read, and a read of nothing new writes nothing', async () => {
    const keyword = `feedread${randomUUID().slice(0, 8)}`;
    const reader = await factory.user(Role.STUDENT, { institution: school });
    const alert = ok(await api.gql(CREATE_ALERT, { i: { name: 'Reads', keywords: [keyword] } }, reader.token)).createAlertSubscription;
    const read = () => fetchFeed(api, alert.atomUrl);
    const figures = async (id: string) => ok(await api.gql(FIGURES, { id }, staff.token)).vacancy.alertFigures;
    const post = async () => {
      const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Analyst ${keyword}` }) }, staff.token)).postVacancy;
      await match(id);
      return id as string;
    };

    const first = await post();
    expect(await figures(first)).toEqual({ matched: 1, feed: 0 });
    await read();
    expect(await figures(first)).toEqual({ matched: 1, feed: 1 });

    // Matched and read again straight away, well within a minute of the first read: that read counts too.
    const second = await post();
    expect(await figures(second)).toEqual({ matched: 1, feed: 0 });
    await read();
    expect(await figures(second)).toEqual({ matched: 1, feed: 1 });

    // Polling with nothing new changes no figure and writes nothing.
    const before = (await db.query(`SELECT feed_fetched_at FROM alert_subscription WHERE id = $1`, [alert.id]))[0].feed_fetched_at;
    await read();
    await read();
    expect((await db.query(`SELECT feed_fetched_at FROM alert_subscription WHERE id = $1`, [alert.id]))[0].feed_fetched_at).toEqual(before);

    // A match after the last read is not counted until the next read.
    const third = await post();
    expect([await figures(first), await figures(second), await figures(third)]).toEqual([
      { matched: 1, feed: 1 },
      { matched: 1, feed: 1 },
      { matched: 1, feed: 0 },
    ]);
    await read();
    expect(await figures(third)).toEqual({ matched: 1, feed: 1 });
  });
});

describe('alerts of a vacancy shared by two institutions show only what each approves now', () => {
  const UPDATE_ALERT = `mutation($i: UpdateAlertSubscriptionInput!) { updateAlertSubscription(input: $i) { id } }`;
  const GET = `query($id: ID!) { vacancy(id: $id) { title } }`;
  const SEARCH = `query($q: String) { vacancies(query: $q, first: 10) { edges { node { title } } } }`;

  let api: TestApi;
  let db: DataSource;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let studentA: TestUser;
  let studentB: TestUser;
  let receiver: Server;
  let hookBase: string;
  const hooks: { path: string; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        hooks.push({ path: req.url!, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookBase = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    api = await startApi(createApiApp, { PUBLIC_URL, WEBHOOK_ALLOW_LOOPBACK: 'true' });
    db = api.app.get(DataSource);
    const factory = new Factory(api);
    ({ a, b, staffA, staffB, studentA, studentB } = await twoTenants(factory));
  });
  afterAll(async () => {
    await api.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it("drops a vacancy sent back to B, rejected by B or no longer for B from B's feed, emails and webhooks, and shows it again once B approves", async () => {
    const word = `quanta${randomUUID().slice(0, 8)}`;
    const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Policy ${word} analyst`, targetInstitutionIds: [a.id, b.id] }) }, staffA.token)).postVacancy;
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    // Daily digests, so no worker of another test file emails them before the edit; the test makes them due.
    const alertOf = async (student: TestUser) =>
      ok(await api.gql(CREATE_ALERT, { i: { name: 'Quanta', keywords: [word], frequency: 'DAILY' } }, student.token)).createAlertSubscription as {
        id: string;
        atomUrl: string;
        rssUrl: string;
      };
    const [alertA, alertB] = [await alertOf(studentA), await alertOf(studentB)];
    await db.transaction((tx) => new AlertMatcher().match(tx, id, [a.id, b.id]));

    /** What each student's feeds show (Atom and RSS agree). */
    const feedTitles = async (alert: { atomUrl: string; rssUrl: string }) => {
      const { atom, rss } = await readFeeds(api, alert);
      expect(rss.map((e) => e.title)).toEqual(atom.map((e) => e.title));
      return atom.map((e) => e.title);
    };
    /** Makes the digests due, runs the schedule's alert emails, and returns the vacancy lines of each alert's new email. */
    const emails = new AlertEmails(db, api.app.get(Outbox), api.app.get<AppConfig>(APP_CONFIG));
    let seen = 0;
    const nextEmails = async () => {
      await db.query(
        `UPDATE alert_match SET matched_at = matched_at - interval '2 days' WHERE subscription_id = ANY($1::uuid[]) AND email_pending`,
        [[alertA.id, alertB.id]],
      );
      await db.query(`UPDATE alert_subscription SET last_emailed_at = last_emailed_at - interval '2 days' WHERE id = ANY($1::uuid[])`, [[alertA.id, alertB.id]]);
      await emails.composeDue();
      const rows: { seq: string; aggregate_id: string; payload: { text: string } }[] = await db.query(
        `SELECT seq, aggregate_id, payload FROM outbox_event WHERE type = 'vacancies.alert-email-composed' AND aggregate_id = ANY($1::text[]) AND seq > $2 ORDER BY seq`,
        [[alertA.id, alertB.id], seen],
      );
      seen = Math.max(seen, ...rows.map((r) => Number(r.seq)));
      const lines = (alert: { id: string }) =>
        rows.filter((r) => r.aggregate_id === alert.id).flatMap((r) => r.payload.text.split('\n').filter((l) => l.startsWith('* ')));
      return { a: lines(alertA), b: lines(alertB) };
    };
    const shown = (title: string) => `${title} (Acme, Leeds)`;
    const titles = async () => [await feedTitles(alertA), await feedTitles(alertB)];

    expect(await titles()).toEqual([[shown(`Policy ${word} analyst`)], [shown(`Policy ${word} analyst`)]]);

    // The poster edits the title: B has not approved the new text, A (the poster's institution) keeps it.
    const edited = `Senior ${word} lobbyist`;
    ok(await api.gql(UPDATE_VACANCY, { i: { id, title: edited } }, staffA.token));
    expect(await titles()).toEqual([[shown(edited)], []]);
    expect(await nextEmails()).toEqual({ a: [`* ${shown(edited)}`], b: [] });
    expect(ok(await api.gql(GET, { id }, studentA.token)).vacancy.title).toBe(edited);
    expect(errorCode(await api.gql(GET, { id }, studentB.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(SEARCH, { q: word }, studentB.token)).vacancies.edges).toEqual([]);

    // A webhook delivery still queued (or being retried) sends nothing to B's student; A's goes out.
    for (const [alert, student] of [
      [alertA, studentA],
      [alertB, studentB],
    ] as const) {
      ok(await api.gql(UPDATE_ALERT, { i: { id: alert.id, webhookUrl: `${hookBase}/${alert.id}` } }, student.token));
    }
    const deliveries = await db.transaction((tx) => new AlertMatcher().webhookDeliveries(tx, id, [alertA.id, alertB.id]));
    expect(deliveries).toHaveLength(2);
    const sender = new WebhookSender(db, api.app.get(Outbox), api.app.get<AppConfig>(APP_CONFIG));
    for (const delivery of deliveries) await sender.deliver(delivery, false);
    expect(hooks.map((h) => [h.path, JSON.parse(h.body).vacancy.title])).toEqual([[`/${alertA.id}`, edited]]);

    // B approves the new text: B's student sees it in the feed and gets the email that waited.
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    expect(await titles()).toEqual([[shown(edited)], [shown(edited)]]);
    expect(await nextEmails()).toEqual({ a: [], b: [`* ${shown(edited)}`] });

    // B withdraws it from its students, then approves it again; then the poster stops targeting B.
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: false, reason: 'Not for our students after all.' } }, staffB.token));
    expect(await titles()).toEqual([[shown(edited)], []]);
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    expect(await titles()).toEqual([[shown(edited)], [shown(edited)]]);
    ok(await api.gql(UPDATE_VACANCY, { i: { id, targetInstitutionIds: [a.id] } }, staffA.token));
    expect(await titles()).toEqual([[shown(edited)], []]);
  });
});
