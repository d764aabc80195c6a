// The ceiling for the `me` query: a bare node:http server that does only the
// work the api cannot avoid. For each request it reads and parses the JSON
// body, verifies the bearer JWT as AccessTokens does (jose, HS256, issuer
// careers-network, the same JWT_SECRET), runs the two statements TypeORM sends
// for `me { … profile { … } }` (same SQL text, one after the other, on a pg
// Pool of DATABASE_POOL_SIZE connections) and answers with a body of the same
// shape as the api's. No framework, no GraphQL, no logging.
//
// Prints one JSON line {"port": N} once listening; stops when its stdin closes
// or on SIGTERM.
import { createServer } from 'node:http';
import { createSecretKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import pg from 'pg';

const ISSUER = 'careers-network';
const key = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8')); // as AccessTokens does: imported once
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  application_name: 'careers-bench-bare',
});

// Exactly what TypeORM issues for UsersService.me (findOneBy id) and for the
// profile field's DataLoader (ProfilesService.byUserIds → findBy userId IN).
const USER_SQL =
  'SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."password_hash" AS "User_password_hash", ' +
  '"User"."display_name" AS "User_display_name", "User"."role" AS "User_role", "User"."institution_id" AS "User_institution_id", ' +
  '"User"."organisation_id" AS "User_organisation_id", "User"."trust_level" AS "User_trust_level", "User"."created_at" AS "User_created_at", ' +
  '"User"."updated_at" AS "User_updated_at" FROM "user_account" "User" WHERE (("User"."id" = $1)) LIMIT 1';
const PROFILE_SQL =
  'SELECT "Profile"."user_id" AS "Profile_user_id", "Profile"."headline" AS "Profile_headline", "Profile"."bio" AS "Profile_bio", ' +
  '"Profile"."course" AS "Profile_course", "Profile"."graduation_year" AS "Profile_graduation_year", "Profile"."sectors" AS "Profile_sectors", ' +
  '"Profile"."skills" AS "Profile_skills", "Profile"."interests" AS "Profile_interests", "Profile"."links" AS "Profile_links", ' +
  '"Profile"."visibility" AS "Profile_visibility", "Profile"."updated_at" AS "Profile_updated_at" FROM "profile" "Profile" ' +
  'WHERE (("Profile"."user_id" IN ($1)))';

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const unauthenticated = (message) => ({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }], data: null });

async function me(req, raw) {
  JSON.parse(raw); // the api parses the body; so does the ceiling
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) return [200, unauthenticated('Sign in first.')];
  let sub;
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    sub = payload.sub;
  } catch {
    return [200, unauthenticated('The access token is not valid. Sign in again.')];
  }
  const { rows: users } = await pool.query(USER_SQL, [sub]);
  const user = users[0];
  if (!user) return [200, { errors: [{ message: 'Your account was not found.', extensions: { code: 'NOT_FOUND' } }], data: null }];
  const { rows: profiles } = await pool.query(PROFILE_SQL, [user.User_id]);
  const profile = profiles[0];
  return [
    200,
    {
      data: {
        me: {
          id: user.User_id,
          displayName: user.User_display_name,
          role: user.User_role,
          email: user.User_email,
          profile: profile
            ? { headline: profile.Profile_headline, bio: profile.Profile_bio, sectors: profile.Profile_sectors }
            : null,
        },
      },
    },
  ];
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { error: 'not found' });
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    me(req, Buffer.concat(chunks).toString('utf8')).then(
      ([status, body]) => send(res, status, body),
      (error) => send(res, 500, { errors: [{ message: String(error?.message ?? error), extensions: { code: 'INTERNAL' } }] }),
    );
  });
});
// As Node's defaults, which Express (the api) keeps too.
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 3000).unref();
  server.close();
  server.closeAllConnections?.();
  pool.end().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
