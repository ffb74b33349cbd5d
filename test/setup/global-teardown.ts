/** Stops the embedded PostgreSQL of this run (once, whichever project finishes last). */
export default async function globalTeardown() {
  const stop = (globalThis as Record<string, unknown>).__symmetryTestPg as (() => Promise<void>) | undefined;
  if (stop) {
    (globalThis as Record<string, unknown>).__symmetryTestPg = undefined;
    await stop();
  }
}
