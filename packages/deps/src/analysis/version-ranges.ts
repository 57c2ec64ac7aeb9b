import { validRange as pep440ValidRange } from '@renovatebot/pep440';
import { parse as parsePep440Specifier } from '@renovatebot/pep440/lib/specifier';
import semver from 'semver';
import { formatRequirement, parseRequirement } from '@shipshape/core';
import type { DepsOptions } from '../options';
import type { DependencyFacts } from './facts';
import type { DeclaredDependency } from './model';
import { describeDeclared } from './sections';

/** A declared range that breaks the policy, with the range or requirement to write instead when there is one. */
export interface RangeProblem {
  declared: DeclaredDependency;
  message: string;
  /** npm: the new range; Python: the whole new requirement string. */
  replacement?: string;
  /** The replacement is a floor from Shipshape's table, not from the environment: the user must confirm it. */
  unconfirmed?: boolean;
  /** The replacement's lower bound is the version installed on this machine: only the user knows the oldest they support. */
  machineFloor?: boolean;
}

const NO_RANGE = new Set(['', '*', 'x', 'X', 'latest', 'next']);
const LOCAL_PROTOCOL = /^(file:|link:|portal:|git\+|git:|github:|gitlab:|bitbucket:|https?:|[\w.-]+\/[\w.-]+(#.*)?$)/;

/** The version-range policy for the runtime dependencies of a published library (npm and Python). */
export function findRangeProblems(facts: DependencyFacts, options: DepsOptions): RangeProblem[] {
  if (!facts.publishable) return [];
  return facts.declared.flatMap((declared) => {
    // a tool's own table (Poetry's `^2.0`) has its own range syntax
    if (declared.group === 'dev' || declared.tool) return [];
    const problem =
      facts.ecosystem === 'npm'
        ? npmRange(facts, declared, options.rangeStyle ?? 'caret')
        : pythonRange(facts, declared, options.pythonUpperBounds === true);
    return problem ? [problem] : [];
  });
}

function npmRange(
  facts: DependencyFacts,
  declared: DeclaredDependency,
  style: NonNullable<DepsOptions['rangeStyle']>,
): RangeProblem | undefined {
  const spec = declared.spec.trim();
  const where = `"${declared.name}": "${declared.spec}" in ${describeDeclared('npm', declared)}`;
  const isPeer = declared.group === 'peer' || (declared.group === 'optional' && declared.section === 'peerDependencies');
  const fromInstalled = (reason: string): RangeProblem => {
    // A peer's range is what users may have: the version installed here would narrow it, so the user picks it.
    const replacement = isPeer ? undefined : facts.version(declared.name)?.spec;
    return {
      declared,
      message: `${where} ${reason}${replacement ? `: use "${replacement}" (what the workspace resolves)` : isPeer ? ': state the versions you support' : ''}`,
      replacement,
    };
  };
  if (spec.startsWith('workspace:') || spec.startsWith('npm:')) return undefined;
  // A package of the workspace pinned to its own current version: released in lockstep (lerna fixed mode).
  const local = facts.version(declared.name);
  if (local?.source === 'workspace' && semver.valid(spec) && local.spec.replace(/^[~^]/, '') === spec) return undefined;
  if (NO_RANGE.has(spec)) return fromInstalled('accepts any version, including future breaking ones');
  if (LOCAL_PROTOCOL.test(spec))
    return fromInstalled('points at a URL, a git repository or a local path, which users of the published package cannot install');
  if (semver.validRange(spec) === null) return fromInstalled('is not a valid semver range');
  const exact = semver.valid(spec);
  if (isPeer) {
    if (exact || /^~/.test(spec)) {
      const version = semver.minVersion(spec)?.version ?? exact!;
      return {
        declared,
        message: `${where} is a narrow peer range: users must have exactly this ${exact ? 'version' : 'minor version'}; widen it to "^${version}" (or more)`,
        replacement: `^${version}`,
      };
    }
    return undefined;
  }
  const version = exact ?? (/^[~^]\d/.test(spec) ? semver.minVersion(spec)?.version : undefined);
  if (!version) return undefined;
  const wanted = style === 'tilde' ? `~${version}` : style === 'caret' ? `^${version}` : exact ? `^${version}` : spec;
  if (wanted === spec) return undefined;
  const styleName = style === 'tilde' ? 'a tilde range' : 'a caret range';
  const why = exact ? 'pins one exact version, so users get duplicate copies and no fixes' : `is not ${styleName} (the configured style)`;
  return { declared, message: `${where} ${why}: use "${wanted}"`, replacement: wanted };
}

function pythonRange(facts: DependencyFacts, declared: DeclaredDependency, upperBounds: boolean): RangeProblem | undefined {
  const requirement = parseRequirement(declared.spec);
  if (!requirement || facts.stdlib.has(facts.key(requirement.name).replace(/-/g, '_'))) return undefined; // stdlib-dependency's finding
  const where = `"${declared.spec}" in ${describeDeclared('python', declared)}`;
  if (requirement.url)
    return {
      declared,
      message: `${where} is a direct URL reference, which PyPI refuses in a published distribution: depend on a released version`,
    };
  const suggestion = facts.version(requirement.name);
  const withLowerBound = (reason: string): RangeProblem => {
    const lower = suggestion?.spec;
    const replacement = lower ? formatRequirement(requirement, lower) : undefined;
    const advice = !lower
      ? ': add one, e.g. ">=X.Y" with the oldest version you test against'
      : suggestion?.source === 'table'
        ? `: use "${replacement}" (Shipshape's suggestion: ${requirement.name} is not installed here, confirm the version)`
        : suggestion?.source === 'installed'
          ? `: add the oldest version you support, e.g. "${replacement}" (the version installed on this machine, likely newer than what your users have: lower it to the oldest you test against)`
          : `: use "${replacement}" (the workspace's version)`;
    return {
      declared,
      message: `${where} ${reason}${advice}`,
      replacement,
      unconfirmed: suggestion?.source === 'table',
      machineFloor: suggestion?.source === 'installed',
    };
  };
  if (requirement.specifier === '') return withLowerBound('has no lower bound, so any old release satisfies it');
  if (!pep440ValidRange(requirement.specifier)) return { declared, message: `${where} is not a valid PEP 440 version specifier` };
  const clauses = parsePep440Specifier(requirement.specifier);
  if (clauses.some((c) => c.operator === '==='))
    return { declared, message: `${where} uses "===" (arbitrary equality), which matches a version string exactly: use ">="` };
  // `==1.*` is a prefix match, the range >=1,<2: no pin
  const isPrefix = (c: (typeof clauses)[number]) => c.version.includes('*') || Boolean((c as { prefix?: string }).prefix);
  const exact = clauses.find((c) => c.operator === '==' && !isPrefix(c));
  if (exact) {
    return {
      declared,
      message: `${where} pins one exact version: a library should accept a range; use ">=${exact.version}"`,
      replacement: formatRequirement(requirement, `>=${exact.version}`),
    };
  }
  const lowers = clauses.filter((c) => ['>=', '>', '~=', '=='].includes(c.operator));
  if (lowers.length === 0) return withLowerBound('has no lower bound, so any old release satisfies it');
  const caps = clauses.filter((c) => ['<', '<=', '~='].includes(c.operator) || (c.operator === '==' && isPrefix(c)));
  if (upperBounds || caps.length === 0) return undefined;
  const kept = clauses
    .filter((c) => !caps.includes(c) || c.operator === '~=' || c.operator === '==')
    .map((c) =>
      c.operator === '~=' ? `>=${c.version}` : c.operator === '==' ? `>=${c.version.replace(/\.\*$/, '')}` : `${c.operator}${c.version}`,
    );
  const replacement = formatRequirement(requirement, kept.join(','));
  return {
    declared,
    message: `${where} caps the version (${caps.map((c) => `${c.operator}${c.version}${isPrefix(c) && !c.version.includes('*') ? '.*' : ''}`).join(', ')}): a library with an upper bound blocks its users from upgrading; use "${replacement}" (or set deps.pythonUpperBounds)`,
    replacement,
  };
}
