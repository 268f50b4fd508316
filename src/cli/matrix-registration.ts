// Prints the application-service registration for the homeserver (npm run matrix:registration).
import { ConfigError, loadConfig } from '../config/config.js';

try {
  const config = loadConfig();
  if (!config.matrix) throw new ConfigError(['MATRIX_HOMESERVER_URL (with MATRIX_SERVER_NAME, MATRIX_AS_TOKEN, MATRIX_HS_TOKEN) is required']);
  const m = config.matrix;
  const q = (s: string) => JSON.stringify(s);
  const server = m.serverName.replace(/\./g, '\\.');
  process.stdout.write(
    [
      'id: interkom',
      `url: ${q(config.publicBaseUrl)}`,
      `as_token: ${q(m.asToken)}`,
      `hs_token: ${q(m.hsToken)}`,
      `sender_localpart: ${q(m.botLocalpart)}`,
      'rate_limited: false',
      'namespaces:',
      '  users:',
      '    - exclusive: true',
      `      regex: ${q(`@${m.botLocalpart}_.*:${server}`)}`,
      '  aliases:',
      '    - exclusive: true',
      `      regex: ${q(`#interkom-.*:${server}`)}`,
      '  rooms: []',
      '',
    ].join('\n'),
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(2);
}
