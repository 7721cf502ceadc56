import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHINESE_CN } from './test-p12.js';

/**
 * The P12/PFX files people actually have, each made by the openssl CLI the way its users make
 * them (OpenSSL 3 defaults, -legacy as older Windows exports and CA-issued PFX files, …).
 * Call only when externalTool('openssl') is available.
 */
export interface P12Kind {
  name: string;
  file: string;
  /** The file holding the password, as `sign --pass-file` reads it. */
  passwordFile: string;
  /** What `ziping sign` must do with it: sign, or refuse with this error code. */
  refusal?: string;
  /** Extra `sign` arguments this kind needs. */
  signArgs?: string[];
  /** A warning code `verify` must show for a file signed with it. */
  verifyWarning?: string;
}

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

const CA_CONFIG = `[ ca ]
default_ca = ca
[ ca ]
dir = .
database = ./index.txt
new_certs_dir = .
serial = ./serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = copy
email_in_dn = no
[ any ]
commonName = supplied
organizationName = optional
countryName = optional
`;

const SUBJECT = `/C=CN/O=重庆市渝中区人民政府/CN=${CHINESE_CN}`;
const KEYS: Record<string, string[]> = {
  rsa2048: ['-newkey', 'rsa:2048'],
  rsa4096: ['-newkey', 'rsa:4096'],
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  ed25519: ['-newkey', 'ed25519'],
};

/** A self-signed key and certificate: `<name>.key`, `<name>.crt`. */
function selfSigned(dir: string, name: string, key: string): void {
  openssl(['req', '-x509', ...KEYS[key], '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '3650', '-utf8', '-subj', SUBJECT], dir);
}

/** A key and a certificate issued by `ca` with the given validity (openssl ca: dates in the past or future). */
function issued(dir: string, name: string, ca: string, dates: { start: string; end: string }, extensions: string[] = []): void {
  openssl(['req', '-new', ...KEYS.rsa2048, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', SUBJECT, ...extensions], dir);
  openssl(['ca', '-batch', '-config', 'ca.cnf', '-utf8', '-cert', `${ca}.crt`, '-keyfile', `${ca}.key`, '-in', `${name}.csr`, '-out', `${name}.crt`,
    '-startdate', dates.start, '-enddate', dates.end, '-notext'], dir);
}

export function makeP12Matrix(): { dir: string; kinds: P12Kind[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-p12-matrix-'));
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const kinds: P12Kind[] = [];
  /** `passwordFile` defaults to the password itself; openssl is given the bare password. */
  const add = (name: string, key: string, password: string, exportArgs: string[], extra: Partial<P12Kind> & { passwordFileBytes?: Buffer } = {}) => {
    const { passwordFileBytes, ...kind } = extra;
    const passwordFile = join(dir, `${name}.pass`);
    writeFileSync(passwordFile, passwordFileBytes ?? password);
    // `-passout file:` cannot give an empty password; `pass:` can.
    const exportFile = join(dir, `${name}.export-pass`);
    writeFileSync(exportFile, password);
    const passout = password === '' ? 'pass:' : `file:${exportFile}`;
    openssl(['pkcs12', '-export', '-inkey', `${key}.key`, '-in', `${key}.crt`, '-out', `${name}.p12`, '-passout', passout, ...exportArgs], dir);
    kinds.push({ name, file: join(dir, `${name}.p12`), passwordFile, ...kind });
  };

  for (const key of ['rsa2048', 'rsa4096', 'p256', 'p384', 'ed25519']) selfSigned(dir, key, key);
  const password = '测试-口令 1';
  add('openssl3-default', 'rsa2048', password, []);
  add('legacy-rc2-3des', 'rsa2048', password, ['-legacy']);
  add('3des', 'rsa2048', password, ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
  add('aes128', 'rsa2048', password, ['-keypbe', 'AES-128-CBC', '-certpbe', 'AES-128-CBC']);
  add('nomac', 'rsa2048', password, ['-nomac']);
  add('unencrypted', 'rsa2048', '', ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac']);
  add('rsa4096', 'rsa4096', password, []);
  add('ecdsa-p256', 'p256', password, []);
  add('ecdsa-p384', 'p384', password, []);
  add('empty-password', 'rsa2048', '', []);
  add('emoji-password', 'rsa2048', '印章🔏🇨🇳', []);
  add('legacy-chinese-password', 'rsa2048', '渝中区财政局', ['-legacy']);
  add('password-file-bom-crlf', 'rsa2048', password, [],
    { passwordFileBytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${password}\r\n`)]) });

  // A chain: root → intermediate (CA:true) → signer; the P12 carries both CA certificates.
  const longAgo = { start: '20200101000000Z', end: '20450101000000Z' };
  openssl(['req', '-x509', ...KEYS.rsa2048, '-nodes', '-keyout', 'root.key', '-out', 'root.crt', '-days', '7300', '-utf8', '-subj', '/C=CN/CN=测试根证书'], dir);
  issued(dir, 'intermediate', 'root', longAgo, ['-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  issued(dir, 'leaf', 'intermediate', longAgo);
  writeFileSync(join(dir, 'ca-chain.pem'), Buffer.concat([readFileSync(join(dir, 'intermediate.crt')), readFileSync(join(dir, 'root.crt'))]));
  add('chain-intermediate', 'leaf', password, ['-certfile', 'ca-chain.pem']);

  issued(dir, 'expired', 'root', { start: '20200101000000Z', end: '20210101000000Z' });
  add('expired', 'expired', password, [], { refusal: 'E_CERT_EXPIRED' });
  add('expired-allowed', 'expired', password, [], { signArgs: ['--allow-expired'], verifyWarning: 'W_CERT_EXPIRED' });
  issued(dir, 'future', 'root', { start: '20900101000000Z', end: '20950101000000Z' });
  add('not-yet-valid', 'future', password, [], { refusal: 'E_CERT_NOT_YET_VALID' });

  add('ed25519', 'ed25519', password, [], { refusal: 'E_P12_KEY_TYPE' });
  add('certificate-only', 'rsa2048', password, ['-nokeys'], { refusal: 'E_P12_NO_KEY' });
  return { dir, kinds };
}
