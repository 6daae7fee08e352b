// A local Serverless plugin: the `${secret:NAME}` variable source of
// serverless.yml. A secret comes from the environment variable NAME when it is
// set (the local stack and the tests set theirs, so they never touch AWS),
// otherwise from the SSM SecureString /<service>/<stage>/<name-in-kebab-case>.
// When neither has it, `serverless package`/`deploy` stops and says which
// parameter to create. Names ending in _PREVIOUS (the secret before a rotation)
// are optional and come from where their current secret comes from.
'use strict';

const kebab = (name) => name.toLowerCase().replace(/_/g, '-');

const HOW_TO_GET = {
  JWT_SECRET: '"$(openssl rand -base64 48)"',
  WECHAT_SECRET: '<AppSecret from the WeChat mini-program console (开发管理 → 开发设置)>',
};

class BanshiSecrets {
  constructor(serverless) {
    const ServerlessError = serverless.classes.Error;
    this.configurationVariablesSources = {
      secret: {
        async resolve({ address, resolveVariable }) {
          if (!address || !/^[A-Z][A-Z0-9_]*$/.test(address)) {
            throw new ServerlessError(`\${secret:${address}}: expected an environment variable name such as JWT_SECRET`, 'BANSHI_SECRET_ADDRESS');
          }
          const fromEnv = process.env[address];
          if (fromEnv) return { value: fromEnv };
          const previousOf = address.endsWith('_PREVIOUS') ? address.slice(0, -'_PREVIOUS'.length) : null;
          // The current secret from the environment means a local run: no SSM lookups at all.
          if (previousOf && process.env[previousOf]) return { value: '' };

          const [service, stage, region] = await Promise.all([
            resolveVariable('self:service'),
            resolveVariable('sls:stage'),
            resolveVariable('self:provider.region'),
          ]);
          const parameter = `/${service}/${stage}/${kebab(address)}`;
          try {
            const value = await resolveVariable(`ssm:${parameter}`);
            if (typeof value === 'string' && value) return { value };
          } catch (err) {
            const notFound = /Value not found/.test(String(err && err.message));
            if (previousOf) {
              if (notFound) return { value: '' };
              // Unreadable (no credentials…): if the current secret fails too, its own message says it all.
              const current = await resolveVariable(`secret:${previousOf}`).then(() => true, () => false);
              if (!current) return { value: '' };
            }
            throw new ServerlessError(missing(address, stage, region, parameter, notFound ? null : err), 'BANSHI_SECRET_MISSING');
          }
          if (previousOf) return { value: '' };
          throw new ServerlessError(missing(address, stage, region, parameter, null), 'BANSHI_SECRET_MISSING');
        },
      },
    };
  }
}

function missing(name, stage, region, parameter, cause) {
  const reason = cause
    ? `reading it failed: ${String(cause.message || cause).replace(/^(Cannot resolve variable at "[^"]*": )+/, '').split('\n')[0].replace(/\.+$/, '')}`
    : 'it does not exist';
  return [
    `缺少密钥 ${name}: stage "${stage}" reads it from the SSM parameter ${parameter}, and ${reason}.`,
    `  Create it once (SecureString), then run the command again:`,
    `    aws ssm put-parameter --region ${region} --type SecureString --name ${parameter} --value ${HOW_TO_GET[name] || '<value>'}`,
    `  Local runs set ${name} in the environment instead (README → Deploy).`,
  ].join('\n');
}

module.exports = BanshiSecrets;
