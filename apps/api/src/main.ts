import 'reflect-metadata';
import { APP_CONFIG, type AppConfig, ConfigError, loadConfig, NestPinoLogger, webClientBuilt } from '@careers/platform';
import { closeGracefully, createApiApp, webDistDir } from './app.js';

async function main(): Promise<void> {
  loadConfig(); // fail fast, before Nest prints anything, when a setting is wrong
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  closeGracefully(app, config, () => process.exit(0));
  await app.listen(config.PORT, config.HOST);
  const logger = app.get(NestPinoLogger);
  if (config.jwtSecretGenerated) logger.warn('JWT_SECRET is not set: tokens are signed with a key that dies with this process.');
  logger.log(`GraphQL endpoint: http://localhost:${config.PORT}/graphql`);
  const web = webDistDir(config);
  if (webClientBuilt(web)) logger.log(`Web client: ${config.PUBLIC_URL} (from ${web})`);
  else logger.warn(`The web client is not built (no ${web}/index.html): run npm run build; until then / says so.`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
