export default async function globalTeardown() {
  const child = globalThis.careersTestEnvironment;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.stdin.end();
  });
}
