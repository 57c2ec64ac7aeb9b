#!/usr/bin/env node
// Lays out the real-world corpus (tools/corpus/corpus.json) as ONE workspace folder in the cache:
//   <cache>/workspace/package.json           private root, npm workspaces over packages/*
//   <cache>/workspace/packages/<dir>/        an npm tarball, extracted as published (sources, configs, build output)
//   <cache>/workspace/python/<name>/         a Debian python3-* package's installed sources, laid out as a
//                                            pyproject project (src/, flat or lib/), with a pyproject.toml
//                                            synthesized from the package's METADATA / PKG-INFO + requires.txt
// Downloads go to <cache>/npm and <cache>/deb (npm pack / apt-get download, the ordinary clients) and are
// reused; the workspace folder is rebuilt only when corpus.json or this file changed (a stamp records it).
// Nothing is written into the repository. No python3 is needed for the layout. No npm install is run: the
// checks read manifests and sources, and an install would only add node_modules that the audit skips.
//
// `node tools/corpus/prepare.mjs` prints the workspace path; import { prepareCorpus } to use it in a script.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const corpusFile = join(here, 'corpus.json');

export function cacheDir() {
  return process.env.SHIPSHAPE_CORPUS_CACHE || join(homedir(), '.cache', 'shipshape-corpus');
}

export function readCorpus() {
  return JSON.parse(readFileSync(corpusFile, 'utf8'));
}

/** Every project of the corpus: { name, root, language, source } with root relative to the workspace. */
export function corpusProjects(corpus = readCorpus()) {
  return [
    ...corpus.npm.map((p) => ({ name: p.project, root: p.dir, language: 'typescript', source: `npm:${p.project}@${p.version}`, entry: p })),
    ...corpus.debian.map((p) => ({
      name: p.project,
      root: `python/${p.project}`,
      language: 'python',
      source: `deb:${p.package}=${p.version}`,
      entry: p,
    })),
  ];
}

export function prepareCorpus({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const corpus = readCorpus();
  const cache = cacheDir();
  const ws = join(cache, corpus.workspace.dir);
  const stampFile = join(ws, '.corpus-stamp');
  const stamp = createHash('sha256')
    .update(readFileSync(corpusFile))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { workspaceRoot: ws, corpus, fresh: false };

  rmSync(ws, { recursive: true, force: true });
  mkdirSync(join(ws, 'packages'), { recursive: true });
  mkdirSync(join(ws, 'python'), { recursive: true });
  writeFileSync(join(ws, 'package.json'), `${JSON.stringify(corpus.workspace.rootPackageJson, null, 2)}\n`);

  for (const pkg of corpus.npm) {
    const tarball = npmTarball(cache, pkg.project, pkg.version, log);
    const dest = join(ws, pkg.dir);
    mkdirSync(dest, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '--strip-components=1', '--no-same-owner', '-C', dest]);
    const manifest = JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8'));
    if (manifest.name !== pkg.project || manifest.version !== pkg.version)
      throw new Error(`${tarball} holds ${manifest.name}@${manifest.version}, not ${pkg.project}@${pkg.version}`);
  }

  const versions = {};
  for (const lib of corpus.debian) {
    const { deb, version } = debianPackage(cache, lib.package, lib.version, log);
    versions[lib.project] = version;
    const extracted = join(cache, 'deb', 'x', `${lib.package}_${version}`);
    if (!existsSync(extracted)) {
      mkdirSync(extracted, { recursive: true });
      execFileSync('dpkg-deb', ['-x', deb, extracted]);
    }
    layOutPython(join(extracted, 'usr/lib/python3/dist-packages'), join(ws, 'python', lib.project), lib, version, debianDepends(deb));
  }
  writeFileSync(join(ws, 'corpus-versions.json'), `${JSON.stringify({ debian: versions }, null, 2)}\n`);
  writeFileSync(stampFile, stamp);
  return { workspaceRoot: ws, corpus, fresh: true };
}

function npmTarball(cache, name, version, log) {
  const dir = join(cache, 'npm');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
  if (existsSync(file)) return file;
  log(`corpus: npm pack ${name}@${version}`);
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const packed = join(dir, JSON.parse(out)[0].filename);
  if (packed !== file) (cpSync(packed, file), rmSync(packed));
  return file;
}

/** apt-get download of the pinned version; when Debian no longer serves it, the current one, said loudly. */
function debianPackage(cache, name, version, log) {
  const dir = join(cache, 'deb');
  mkdirSync(dir, { recursive: true });
  const find = (v) => readdirSync(dir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb') && (!v || debVersion(f) === v));
  let found = find(version);
  if (found) return { deb: join(dir, found), version };
  const download = (spec) => execFileSync('apt-get', ['download', spec], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  log(`corpus: apt-get download ${name}=${version}`);
  try {
    download(`${name}=${version}`);
  } catch {
    try {
      log('corpus: apt-get update (the package lists may be missing or old)');
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'pipe', 'pipe'] });
      download(`${name}=${version}`);
    } catch {
      log(
        `corpus: WARNING ${name}=${version} is no longer served by Debian; taking the current version. Re-pin corpus.json and re-judge its findings.`,
      );
      download(name);
      found = find();
      return { deb: join(dir, found), version: debVersion(found) };
    }
  }
  found = find(version);
  if (!found) throw new Error(`apt-get download ${name}=${version} left no .deb in ${dir}`);
  return { deb: join(dir, found), version };
}

function debVersion(file) {
  // name_version_arch.deb, with ':' of an epoch written as %3a
  return decodeURIComponent(file.split('_')[1]);
}

// ---------------------------------------------------------------------------------------------------------
// Python: installed sources + metadata -> a pyproject project

/**
 * The Python distributions a .deb depends on: Debian's packaging often moves a library's base requirements
 * from its METADATA to the package's Depends (requests loses urllib3, idna, certifi, charset-normalizer), so
 * they are read back from there: `python3-x` is distribution `x` (the first of `a | b` alternatives).
 */
function debianDepends(deb) {
  const field = execFileSync('dpkg-deb', ['-f', deb, 'Depends'], { encoding: 'utf8' });
  return field
    .split(',')
    .map(
      (entry) =>
        entry
          .split('|')[0]
          .trim()
          .split(/[\s(:]/)[0],
    )
    .filter((name) => name.startsWith('python3-') && !/^python3-(all|distutils|pkg-resources|setuptools)$/.test(name))
    .map((name) => name.slice('python3-'.length));
}

function layOutPython(distPackages, dest, lib, debianVersion, depends = []) {
  mkdirSync(dest, { recursive: true });
  const base = lib.layout === 'src' ? join(dest, 'src') : lib.layout === 'lib' ? join(dest, 'lib') : dest;
  for (const mod of lib.modules) {
    const from = join(distPackages, mod);
    if (existsSync(from) && statSync(from).isDirectory()) {
      cpSync(from, join(base, mod), { recursive: true, filter: (src) => !/__pycache__|\.so$|\.pyc$/.test(src) });
    } else if (existsSync(`${from}.py`)) {
      mkdirSync(base, { recursive: true });
      cpSync(`${from}.py`, join(base, `${mod}.py`));
    } else {
      throw new Error(`${lib.package} installs no module ${mod} in ${distPackages}`);
    }
  }
  const meta = readDistMetadata(distPackages, lib);
  const normalize = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
  // A name the metadata mentions at all (an extra included) is upstream's choice, not a dropped base requirement.
  const declared = new Set(meta.requirements.filter((r) => r.requirement).map((r) => normalize(r.requirement.split(/[\s;<>=!~[(]/)[0])));
  meta.fromDebian = depends.filter((name) => !declared.has(normalize(name)));
  meta.requirements.push(...meta.fromDebian.map((name) => ({ requirement: name })));
  const readme = meta.description ? readmeName(meta.fields['Description-Content-Type']?.[0]) : undefined;
  if (readme) writeFileSync(join(dest, readme), meta.description);
  writeFileSync(join(dest, 'pyproject.toml'), synthesizePyproject(meta, lib, debianVersion, readme));
}

function readmeName(contentType = '') {
  if (contentType.includes('markdown')) return 'README.md';
  if (contentType.includes('x-rst')) return 'README.rst';
  return 'README.rst';
}

/** METADATA (dist-info) or PKG-INFO + requires.txt + entry_points.txt (egg-info), parsed. */
function readDistMetadata(distPackages, lib) {
  const info = readdirSync(distPackages).find((d) => /\.(dist|egg)-info$/.test(d));
  if (!info) throw new Error(`${lib.package} ships no dist-info or egg-info`);
  const infoDir = join(distPackages, info);
  const isDist = info.endsWith('.dist-info');
  const text = readFileSync(join(infoDir, isDist ? 'METADATA' : 'PKG-INFO'), 'utf8');
  const { fields, description } = parseEmailHeaders(text);
  let requirements = (fields['Requires-Dist'] ?? []).map(parseRequiresDist);
  if (!isDist && existsSync(join(infoDir, 'requires.txt')))
    requirements = parseRequiresTxt(readFileSync(join(infoDir, 'requires.txt'), 'utf8'));
  const entryPoints = existsSync(join(infoDir, 'entry_points.txt'))
    ? parseIni(readFileSync(join(infoDir, 'entry_points.txt'), 'utf8'))
    : {};
  let generator = 'setuptools';
  if (isDist && existsSync(join(infoDir, 'WHEEL'))) {
    const g = /^Generator:\s*(\S+)/m.exec(readFileSync(join(infoDir, 'WHEEL'), 'utf8'))?.[1] ?? '';
    generator = g.startsWith('hatchling') ? 'hatchling' : g.startsWith('flit') ? 'flit' : g.startsWith('poetry') ? 'poetry' : 'setuptools';
  }
  return { info, fields, description, requirements, entryPoints, generator };
}

function parseEmailHeaders(text) {
  const fields = {};
  const lines = text.split('\n');
  let i = 0;
  let last;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) {
      const values = fields[last];
      values[values.length - 1] += `\n${line.replace(/^ {7}\|?/, '').replace(/^\s+/, '')}`;
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    last = m[1];
    (fields[last] ??= []).push(m[2]);
  }
  let description = lines
    .slice(i + 1)
    .join('\n')
    .trim();
  if (!description && fields.Description) description = fields.Description[0];
  if (description === 'UNKNOWN') description = '';
  return { fields, description: description ? `${description}\n` : '' };
}

/** `name[extras] (>=1) ; marker and extra == 'x'` -> { requirement, extra } */
function parseRequiresDist(value) {
  const [spec, marker] = splitMarker(value);
  const { rest, extra } = takeExtra(marker);
  return { requirement: normalizeSpec(spec) + (rest ? `; ${rest}` : ''), extra };
}

function splitMarker(value) {
  const i = value.indexOf(';');
  return i < 0 ? [value.trim(), ''] : [value.slice(0, i).trim(), value.slice(i + 1).trim()];
}

function takeExtra(marker) {
  const re = /\s*(?:\band\s+)?\(?\s*extra\s*==\s*["']([^"']+)["']\s*\)?(?:\s+and\b)?\s*/;
  const m = re.exec(marker);
  if (!m) return { rest: marker, extra: undefined };
  let rest = (marker.slice(0, m.index) + ' ' + marker.slice(m.index + m[0].length)).trim();
  rest = rest.replace(/^and\s+|\s+and$/g, '').trim();
  if (/^\(.*\)$/.test(rest) && balanced(rest.slice(1, -1))) rest = rest.slice(1, -1).trim();
  return { rest, extra: m[1] };
}

function balanced(s) {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Old-style `name (>=1,<2)` -> `name>=1,<2`. */
function normalizeSpec(spec) {
  return spec.replace(/\s*\(([^)]*)\)\s*$/, '$1').replace(/\s+/g, '');
}

/** setuptools' requires.txt: base lines, then [extra], [extra:marker] or [:marker] sections. */
function parseRequiresTxt(text) {
  const out = [];
  let extra;
  let marker = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const section = /^\[([^\]:]*)(?::(.*))?\]$/.exec(line);
    if (section) {
      extra = section[1] || undefined;
      marker = section[2] ?? '';
      if (extra) out.push({ declaresExtra: extra });
      continue;
    }
    const [spec, own] = splitMarker(line);
    const markers = [marker, own].filter(Boolean);
    const combined = markers.length > 1 ? markers.map((m) => `(${m})`).join(' and ') : (markers[0] ?? '');
    out.push({ requirement: spec + (combined ? `; ${combined}` : ''), extra });
  }
  return out;
}

function parseIni(text) {
  const out = {};
  let section;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = s[1];
      out[section] ??= {};
      continue;
    }
    const i = line.indexOf('=');
    if (section && i > 0) out[section][line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

const toml = (s) => JSON.stringify(s);
const tomlKey = (k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : toml(k));
const tomlArray = (items) => (items.length ? `[\n${items.map((i) => `    ${toml(i)},`).join('\n')}\n]` : '[]');

function person(name, email) {
  const names = (name ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out = [];
  // Author-email may be "Name <mail>" (PEP 621 style) or a bare address
  for (const part of (email ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.*?)\s*<([^>]+)>$/.exec(part);
    if (m) out.push({ name: m[1].replace(/^"|"$/g, '') || undefined, email: m[2] });
    else out.push({ name: names.shift(), email: part });
  }
  for (const n of names) out.push({ name: n });
  return out.map((p) => `{ ${[p.name && `name = ${toml(p.name)}`, p.email && `email = ${toml(p.email)}`].filter(Boolean).join(', ')} }`);
}

function synthesizePyproject(meta, lib, debianVersion, readme) {
  const f = (k) => meta.fields[k]?.[0];
  const all = (k) => meta.fields[k] ?? [];
  const lines = [
    `# Synthesized by Shipshape's corpus harness (tools/corpus/prepare.mjs) from Debian's ${meta.info}`,
    `# (${lib.package} ${debianVersion}): [project] holds what that metadata says, nothing more; the build backend`,
    `# is the one its ${meta.info.endsWith('.dist-info') ? 'WHEEL file names' : 'egg-info implies (setuptools)'}. Layout: ${lib.layout}${lib.layout === 'flat' ? ' (packages at the project root)' : ` (packages under ${lib.layout}/)`}, as upstream.`,
    ...(meta.fromDebian.length > 0
      ? [`# Base requirements Debian moved to the package's Depends, read back from there: ${meta.fromDebian.join(', ')}.`]
      : []),
    '',
    '[build-system]',
  ];
  const backends = {
    hatchling: ['hatchling', 'hatchling.build'],
    flit: ['flit_core >=3.2,<4', 'flit_core.buildapi'],
    poetry: ['poetry-core', 'poetry.core.masonry.api'],
    setuptools: ['setuptools', 'setuptools.build_meta'],
  };
  const [requires, backend] = backends[meta.generator];
  lines.push(`requires = [${toml(requires)}]`, `build-backend = ${toml(backend)}`, '', '[project]');
  lines.push(`name = ${toml(f('Name'))}`, `version = ${toml(f('Version'))}`);
  if (f('Summary') && f('Summary') !== 'UNKNOWN') lines.push(`description = ${toml(f('Summary'))}`);
  if (readme) lines.push(`readme = ${toml(readme)}`);
  if (f('Requires-Python')) lines.push(`requires-python = ${toml(f('Requires-Python'))}`);
  if (f('License-Expression')) lines.push(`license = ${toml(f('License-Expression'))}`);
  else if (f('License') && f('License') !== 'UNKNOWN') lines.push(`license = { text = ${toml(f('License'))} }`);
  const authors = person(f('Author'), f('Author-email'));
  if (authors.length) lines.push(`authors = [${authors.join(', ')}]`);
  const maintainers = person(f('Maintainer'), f('Maintainer-email'));
  if (maintainers.length) lines.push(`maintainers = [${maintainers.join(', ')}]`);
  const keywords = f('Keywords');
  if (keywords)
    lines.push(
      `keywords = ${tomlArray(
        keywords.includes(',')
          ? keywords
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean)
          : keywords.split(/\s+/).filter(Boolean),
      )}`,
    );
  if (all('Classifier').length) lines.push(`classifiers = ${tomlArray(all('Classifier'))}`);

  const base = meta.requirements.filter((r) => r.requirement && !r.extra).map((r) => r.requirement);
  lines.push(`dependencies = ${tomlArray(base)}`);

  const extras = new Map(all('Provides-Extra').map((e) => [e, []]));
  for (const r of meta.requirements) {
    if (r.declaresExtra && !extras.has(r.declaresExtra)) extras.set(r.declaresExtra, []);
    if (r.requirement && r.extra) {
      if (!extras.has(r.extra)) extras.set(r.extra, []);
      extras.get(r.extra).push(r.requirement);
    }
  }
  const urls = [];
  if (f('Home-page') && f('Home-page') !== 'UNKNOWN') urls.push(['Homepage', f('Home-page')]);
  for (const u of all('Project-URL')) {
    const i = u.indexOf(',');
    urls.push([u.slice(0, i).trim(), u.slice(i + 1).trim()]);
  }
  if (urls.length) {
    lines.push('', '[project.urls]');
    for (const [k, v] of urls) lines.push(`${tomlKey(k)} = ${toml(v)}`);
  }
  if (extras.size) {
    lines.push('', '[project.optional-dependencies]');
    for (const [name, reqs] of extras) lines.push(`${tomlKey(name)} = ${tomlArray(reqs)}`);
  }
  const eps = meta.entryPoints;
  if (eps.console_scripts) {
    lines.push('', '[project.scripts]');
    for (const [k, v] of Object.entries(eps.console_scripts)) lines.push(`${tomlKey(k)} = ${toml(v)}`);
  }
  if (eps.gui_scripts) {
    lines.push('', '[project.gui-scripts]');
    for (const [k, v] of Object.entries(eps.gui_scripts)) lines.push(`${tomlKey(k)} = ${toml(v)}`);
  }
  for (const [group, entries] of Object.entries(eps)) {
    if (group === 'console_scripts' || group === 'gui_scripts') continue;
    lines.push('', `[project.entry-points.${tomlKey(group)}]`);
    for (const [k, v] of Object.entries(entries)) lines.push(`${tomlKey(k)} = ${toml(v)}`);
  }
  // The least build configuration the layout needs to build (not in METADATA; named as such).
  if (meta.generator === 'hatchling' && lib.layout !== 'flat') {
    lines.push(
      '',
      '# layout only: where hatchling finds the packages',
      '[tool.hatch.build.targets.wheel]',
      `packages = ${toml(lib.modules.map((m) => `${lib.layout}/${m}`))}`,
    );
  }
  if (meta.generator === 'setuptools' && lib.layout === 'lib') {
    lines.push('', "# layout only: upstream's setup.py package_dir", '[tool.setuptools]', `package-dir = { "" = "lib" }`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const { workspaceRoot, fresh } = prepareCorpus();
  process.stderr.write(`corpus: ${fresh ? 'laid out' : 'up to date'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${workspaceRoot}\n`);
}
