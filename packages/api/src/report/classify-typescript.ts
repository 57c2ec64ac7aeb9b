import { join } from 'node:path';
import { ts } from 'ts-morph';
import { bumpOf, reportCode, type ApiChange, type Bump } from './semver';

/**
 * Classifies the difference between two api-extractor reports of one entry. Both reports' code is compiled
 * together as two declaration modules (next to the project, so that their imports resolve as the project's
 * do) and each exported name is compared with the compiler's own assignability:
 *
 * - a removed export, a narrower parameter, a new required parameter, a wider return type, a removed member or
 *   base class, a changed kind, a release tag lowered from `@public` → major;
 * - an added export, an added optional parameter or member, a wider parameter, a narrower return type, a new
 *   `@deprecated` → minor;
 * - the same types written differently, comments → patch.
 *
 * Object types (interfaces, type aliases, class properties) may be read and written by consumers, so any change
 * of an existing member's type that is not an equivalence is major, and a new required member is major.
 */
export function classifyTypescriptReports(before: string, after: string, projectDir: string): ApiChange[] {
  const oldCode = reportCode(before);
  const newCode = reportCode(after);
  if (normalize(oldCode) === normalize(newCode)) return [];
  const oldPath = join(projectDir, '__shipshape_api_old__.d.ts');
  const newPath = join(projectDir, '__shipshape_api_new__.d.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const virtual = new Map([
    [oldPath, oldCode],
    [newPath, newCode],
  ]);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError, create) =>
    virtual.has(file) ? ts.createSourceFile(file, virtual.get(file)!, language, true) : getSourceFile(file, language, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  const program = ts.createProgram([oldPath, newPath], options, host);
  const checker = program.getTypeChecker();
  const exportsOf = (path: string) => {
    const file = program.getSourceFile(path);
    const symbol = file && checker.getSymbolAtLocation(file);
    return new Map((symbol ? checker.getExportsOfModule(symbol) : []).map((s) => [s.name, s]));
  };
  return new Comparer(checker).compareModules(exportsOf(oldPath), exportsOf(newPath));
}

const normalize = (code: string) =>
  code
    .split('\n')
    .map((l) => l.trim())
    // comments are dropped, but for the release tags and @deprecated api-extractor writes above a declaration
    .filter((l) => l && (!l.startsWith('//') || /@(?:public|beta|alpha|internal|deprecated)\b/.test(l)))
    .join('\n');

type Tag = 'public' | 'beta' | 'alpha' | 'internal' | undefined;

class Comparer {
  constructor(private readonly checker: ts.TypeChecker) {}

  compareModules(before: Map<string, ts.Symbol>, after: Map<string, ts.Symbol>): ApiChange[] {
    const changes: ApiChange[] = [];
    for (const [name, old] of before) {
      const now = after.get(name);
      if (!now) changes.push({ name, kind: 'removed', bump: 'major', reason: `${kindName(old)} ${name} was removed from the entry` });
      else changes.push(...this.compareSymbols(name, old, now));
    }
    for (const [name, now] of after)
      if (!before.has(name))
        changes.push({ name, kind: 'added', bump: 'minor', reason: `${kindName(now)} ${name} was added to the entry` });
    return changes;
  }

  private compareSymbols(name: string, old: ts.Symbol, now: ts.Symbol): ApiChange[] {
    const oldText = declarationText(old);
    const newText = declarationText(now);
    const changes: ApiChange[] = [...this.compareTags(name, old, now)];
    if (normalize(oldText) === normalize(newText)) return changes;
    const oldKind = kindName(old);
    const newKind = kindName(now);
    if (oldKind !== newKind && !(isTypeOnly(old) && isTypeOnly(now))) {
      changes.push({ name, kind: 'kind-changed', bump: 'major', reason: `${name} changed from ${oldKind} to ${newKind}` });
      return changes;
    }
    const before = changes.length;
    if (old.flags & ts.SymbolFlags.Function) changes.push(...this.compareCallable(name, this.valueType(old), this.valueType(now), 'call'));
    else if (old.flags & ts.SymbolFlags.Class) changes.push(...this.compareClass(name, old, now));
    else if (old.flags & ts.SymbolFlags.Enum) changes.push(...this.compareEnum(name, old, now));
    else if (old.flags & ts.SymbolFlags.Variable) changes.push(...this.compareValue(name, old, now));
    else if (old.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))
      changes.push(...this.compareObjectType(name, this.declaredType(old), this.declaredType(now)));
    if (changes.length === before) changes.push(this.fallback(name, old, now));
    return changes;
  }

  private compareTags(name: string, old: ts.Symbol, now: ts.Symbol): ApiChange[] {
    const out: ApiChange[] = [];
    const a = releaseTag(old);
    const b = releaseTag(now);
    const rank = (t: Tag) => ['internal', 'alpha', 'beta', 'public'].indexOf(t ?? 'public');
    if (a !== b && rank(b) < rank(a))
      out.push({
        name,
        kind: 'release-tag-lowered',
        bump: 'major',
        reason: `${name} went from @${a ?? 'public'} to @${b}: it is no longer covered by the same stability promise`,
      });
    else if (a !== b)
      out.push({ name, kind: 'release-tag-raised', bump: 'minor', reason: `${name} was promoted from @${a} to @${b ?? 'public'}` });
    if (!isDeprecated(old) && isDeprecated(now))
      out.push({ name, kind: 'deprecated', bump: 'minor', reason: `${name} is now @deprecated` });
    return out;
  }

  private valueType(symbol: ts.Symbol): ts.Type {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return declaration ? this.checker.getTypeOfSymbolAtLocation(symbol, declaration) : this.checker.getTypeOfSymbol(symbol);
  }

  private declaredType(symbol: ts.Symbol): ts.Type {
    return this.checker.getDeclaredTypeOfSymbol(symbol);
  }

  private show(type: ts.Type): string {
    return this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType);
  }

  private assignable(source: ts.Type, target: ts.Type): boolean {
    return this.checker.isTypeAssignableTo(source, target);
  }

  private equivalent(a: ts.Type, b: ts.Type): boolean {
    return this.assignable(a, b) && this.assignable(b, a);
  }

  /** Functions, methods, constructors: what callers wrote still compiles, and what they get back still fits. */
  private compareCallable(name: string, oldType: ts.Type, newType: ts.Type, kind: 'call' | 'construct'): ApiChange[] {
    const oldSigs = kind === 'call' ? oldType.getCallSignatures() : oldType.getConstructSignatures();
    const newSigs = kind === 'call' ? newType.getCallSignatures() : newType.getConstructSignatures();
    if (oldSigs.length !== 1 || newSigs.length !== 1) return this.overloads(name, oldType, newType);
    const [o] = oldSigs;
    const [n] = newSigs;
    const changes: ApiChange[] = [];
    const oldParams = o.getParameters();
    const newParams = n.getParameters();
    const paramType = (p: ts.Symbol) => this.checker.getTypeOfSymbol(p);
    const optional = (sig: ts.Signature, i: number) => {
      const declaration = sig.getParameters()[i]?.valueDeclaration;
      return (
        !!declaration && ts.isParameter(declaration) && (this.checker.isOptionalParameter(declaration) || !!declaration.dotDotDotToken)
      );
    };
    const rest = (sig: ts.Signature) =>
      sig.getDeclaration() && ts.isFunctionLike(sig.getDeclaration()) && sig.getDeclaration().parameters.some((p) => p.dotDotDotToken);
    for (let i = 0; i < Math.max(oldParams.length, newParams.length); i++) {
      const op = oldParams[i];
      const np = newParams[i];
      if (op && !np) {
        if (!rest(n))
          changes.push({
            name: `${name}(${op.name})`,
            kind: 'parameter-removed',
            bump: 'major',
            reason: `parameter ${op.name} of ${name} was removed: calls that pass it no longer compile`,
          });
        continue;
      }
      if (!op && np) {
        if (optional(n, i))
          changes.push({
            name: `${name}(${np.name})`,
            kind: 'parameter-added-optional',
            bump: 'minor',
            reason: `${name} takes a new optional parameter ${np.name}`,
          });
        else
          changes.push({
            name: `${name}(${np.name})`,
            kind: 'parameter-added-required',
            bump: 'major',
            reason: `${name} takes a new required parameter ${np.name}: existing calls no longer compile`,
          });
        continue;
      }
      const label = `${name}(${np.name})`;
      if (optional(o, i) && !optional(n, i))
        changes.push({ name: label, kind: 'parameter-required', bump: 'major', reason: `parameter ${np.name} of ${name} became required` });
      else if (!optional(o, i) && optional(n, i))
        changes.push({ name: label, kind: 'parameter-optional', bump: 'minor', reason: `parameter ${np.name} of ${name} became optional` });
      const ot = paramType(op);
      const nt = paramType(np);
      if (this.equivalent(ot, nt)) continue;
      if (this.assignable(ot, nt))
        changes.push({
          name: label,
          kind: 'parameter-widened',
          bump: 'minor',
          reason: `parameter ${np.name} of ${name} accepts more: ${this.show(ot)} → ${this.show(nt)}`,
        });
      else
        changes.push({
          name: label,
          kind: this.assignable(nt, ot) ? 'parameter-narrowed' : 'parameter-type-changed',
          bump: 'major',
          reason: `parameter ${np.name} of ${name} ${this.assignable(nt, ot) ? 'accepts less' : 'changed type'}: ${this.show(ot)} → ${this.show(nt)}; existing calls may no longer compile`,
        });
    }
    const or = o.getReturnType();
    const nr = n.getReturnType();
    if (!this.equivalent(or, nr)) {
      if (this.assignable(nr, or))
        changes.push({
          name,
          kind: 'return-narrowed',
          bump: 'minor',
          reason: `${name} returns a narrower type: ${this.show(or)} → ${this.show(nr)}`,
        });
      else
        changes.push({
          name,
          kind: this.assignable(or, nr) ? 'return-widened' : 'return-type-changed',
          bump: 'major',
          reason: `${name} ${this.assignable(or, nr) ? 'returns a wider type' : 'returns another type'}: ${this.show(or)} → ${this.show(nr)}; callers' code that uses the result may no longer compile`,
        });
    }
    const oldGenerics = o.getTypeParameters()?.length ?? 0;
    const newGenerics = n.getTypeParameters()?.length ?? 0;
    if (oldGenerics !== newGenerics)
      changes.push({
        name,
        kind: 'type-parameters-changed',
        bump: 'major',
        reason: `${name} has ${newGenerics} type parameters instead of ${oldGenerics}`,
      });
    return changes;
  }

  private overloads(name: string, oldType: ts.Type, newType: ts.Type): ApiChange[] {
    if (this.equivalent(oldType, newType)) return [];
    if (this.assignable(newType, oldType))
      return [
        {
          name,
          kind: 'signature-extended',
          bump: 'minor',
          reason: `${name}'s signatures accept every call they accepted before, and more`,
        },
      ];
    return [
      {
        name,
        kind: 'signature-changed',
        bump: 'major',
        reason: `${name}'s signatures changed: a call or use that compiled before may not compile now`,
      },
    ];
  }

  /** Object types consumers may both read and create: only added optional members are compatible. */
  private compareObjectType(name: string, oldType: ts.Type, newType: ts.Type): ApiChange[] {
    const oldProps = oldType.getProperties();
    const newProps = newType.getProperties();
    const isObject = (t: ts.Type) => !!(t.flags & ts.TypeFlags.Object) && !(t.getCallSignatures().length && !t.getProperties().length);
    if (!isObject(oldType) || !isObject(newType)) {
      if (this.equivalent(oldType, newType)) return [];
      const widened = this.assignable(oldType, newType);
      return [
        {
          name,
          kind: widened ? 'type-widened' : this.assignable(newType, oldType) ? 'type-narrowed' : 'type-changed',
          bump: 'major',
          reason: `type ${name} ${widened ? 'became wider' : this.assignable(newType, oldType) ? 'became narrower' : 'changed'}: ${this.show(oldType)} → ${this.show(newType)}; code that ${widened ? 'reads or switches over it' : 'gives it values'} may no longer compile`,
        },
      ];
    }
    return this.compareMembers(name, oldProps, newProps, 'interface');
  }

  private compareMembers(
    name: string,
    oldProps: readonly ts.Symbol[],
    newProps: readonly ts.Symbol[],
    owner: 'interface' | 'class',
  ): ApiChange[] {
    const changes: ApiChange[] = [];
    const byName = new Map(newProps.map((p) => [p.name, p]));
    const isOptional = (p: ts.Symbol) => !!(p.flags & ts.SymbolFlags.Optional);
    const isMethod = (p: ts.Symbol) => !!(p.flags & ts.SymbolFlags.Method);
    for (const op of oldProps) {
      if (isPrivate(op)) continue;
      const np = byName.get(op.name);
      const label = `${name}.${op.name}`;
      if (!np || isPrivate(np)) {
        changes.push({ name: label, kind: 'member-removed', bump: 'major', reason: `member ${op.name} was removed from ${name}` });
        continue;
      }
      const ot = this.checker.getTypeOfSymbol(op);
      const nt = this.checker.getTypeOfSymbol(np);
      if (isMethod(op) && isMethod(np)) {
        changes.push(...this.compareCallable(label, ot, nt, 'call'));
        continue;
      }
      if (isOptional(op) !== isOptional(np))
        changes.push({
          name: label,
          kind: isOptional(np) ? 'member-optional' : 'member-required',
          bump: 'major',
          reason: isOptional(np)
            ? `member ${op.name} of ${name} became optional: code that reads it gets undefined`
            : `member ${op.name} of ${name} became required: objects written without it no longer compile`,
        });
      if (!this.equivalent(ot, nt))
        changes.push({
          name: label,
          kind: 'member-type-changed',
          bump: 'major',
          reason: `member ${op.name} of ${name} changed type: ${this.show(ot)} → ${this.show(nt)}`,
        });
    }
    const oldNames = new Set(oldProps.map((p) => p.name));
    for (const np of newProps) {
      if (oldNames.has(np.name) || isPrivate(np)) continue;
      const label = `${name}.${np.name}`;
      if (owner === 'class' || isOptional(np))
        changes.push({
          name: label,
          kind: 'member-added',
          bump: 'minor',
          reason: `${name} has a new ${isOptional(np) ? 'optional ' : ''}member ${np.name}`,
        });
      else
        changes.push({
          name: label,
          kind: 'member-added-required',
          bump: 'major',
          reason: `${name} has a new required member ${np.name}: objects consumers write of this type no longer compile`,
        });
    }
    return changes;
  }

  private compareClass(name: string, old: ts.Symbol, now: ts.Symbol): ApiChange[] {
    const changes: ApiChange[] = [];
    const heritage = (s: ts.Symbol, token: ts.SyntaxKind) =>
      (s.declarations ?? [])
        .filter(ts.isClassDeclaration)
        .flatMap((d) =>
          (d.heritageClauses ?? []).filter((h) => h.token === token).flatMap((h) => h.types.map((t) => t.expression.getText())),
        );
    for (const [token, what] of [
      [ts.SyntaxKind.ExtendsKeyword, 'base class'],
      [ts.SyntaxKind.ImplementsKeyword, 'interface'],
    ] as const) {
      const before = heritage(old, token);
      const after = heritage(now, token);
      for (const base of before)
        if (!after.includes(base))
          changes.push({
            name,
            kind: token === ts.SyntaxKind.ExtendsKeyword ? 'base-removed' : 'implements-removed',
            bump: 'major',
            reason: `${name} no longer ${token === ts.SyntaxKind.ExtendsKeyword ? 'extends' : 'implements'} ${what} ${base}`,
          });
      for (const base of after)
        if (!before.includes(base))
          changes.push(
            token === ts.SyntaxKind.ExtendsKeyword
              ? {
                  name,
                  kind: 'base-added',
                  bump: 'major',
                  reason: `${name} now extends ${base}: a new base class can change inherited members`,
                }
              : { name, kind: 'implements-added', bump: 'minor', reason: `${name} now implements ${base}` },
          );
    }
    const oldStatic = this.valueType(old);
    const newStatic = this.valueType(now);
    const ctor = this.compareCallable(`${name}.constructor`, oldStatic, newStatic, 'construct');
    changes.push(...ctor);
    const staticProps = (t: ts.Type) => t.getProperties().filter((p) => p.name !== 'prototype');
    changes.push(...this.compareMembers(`${name}`, staticProps(oldStatic), staticProps(newStatic), 'class'));
    changes.push(...this.compareMembers(name, this.declaredType(old).getProperties(), this.declaredType(now).getProperties(), 'class'));
    return changes;
  }

  private compareEnum(name: string, old: ts.Symbol, now: ts.Symbol): ApiChange[] {
    const members = (s: ts.Symbol) =>
      new Map(
        (s.declarations ?? [])
          .filter(ts.isEnumDeclaration)
          .flatMap((d) => d.members.map((m) => [m.name.getText(), m.initializer?.getText() ?? ''] as const)),
      );
    const a = members(old);
    const b = members(now);
    const changes: ApiChange[] = [];
    for (const [member, value] of a) {
      if (!b.has(member))
        changes.push({
          name: `${name}.${member}`,
          kind: 'member-removed',
          bump: 'major',
          reason: `enum member ${member} was removed from ${name}`,
        });
      else if (b.get(member) !== value)
        changes.push({
          name: `${name}.${member}`,
          kind: 'enum-value-changed',
          bump: 'major',
          reason: `enum member ${member} of ${name} changed value: ${value} → ${b.get(member)}`,
        });
    }
    for (const member of b.keys())
      if (!a.has(member))
        changes.push({ name: `${name}.${member}`, kind: 'member-added', bump: 'minor', reason: `${name} has a new member ${member}` });
    return changes;
  }

  private compareValue(name: string, old: ts.Symbol, now: ts.Symbol): ApiChange[] {
    const ot = this.valueType(old);
    const nt = this.valueType(now);
    if (ot.getCallSignatures().length && nt.getCallSignatures().length) return this.compareCallable(name, ot, nt, 'call');
    if (this.equivalent(ot, nt)) return [];
    if (this.assignable(nt, ot) && isConst(now))
      return [{ name, kind: 'type-narrowed', bump: 'minor', reason: `${name} has a narrower type: ${this.show(ot)} → ${this.show(nt)}` }];
    return [{ name, kind: 'type-changed', bump: 'major', reason: `${name} changed type: ${this.show(ot)} → ${this.show(nt)}` }];
  }

  private fallback(name: string, old: ts.Symbol, now: ts.Symbol): ApiChange {
    const oldType = isTypeOnly(old) ? this.declaredType(old) : this.valueType(old);
    const newType = isTypeOnly(now) ? this.declaredType(now) : this.valueType(now);
    if (this.equivalent(oldType, newType))
      return { name, kind: 'rewritten', bump: 'patch', reason: `${name} is written differently with the same type` };
    return {
      name,
      kind: 'changed',
      bump: 'major',
      reason: `${name} changed: ${normalize(declarationText(old)).slice(0, 120)} → ${normalize(declarationText(now)).slice(0, 120)}`,
    };
  }
}

function declarationText(symbol: ts.Symbol): string {
  return (symbol.declarations ?? []).map((d) => d.getText()).join('\n');
}

function kindName(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Variable) return 'variable';
  if (f & ts.SymbolFlags.Module) return 'namespace';
  if (f & ts.SymbolFlags.Alias) return 'export';
  return 'declaration';
}

function isTypeOnly(symbol: ts.Symbol): boolean {
  return !!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) && !(symbol.flags & ts.SymbolFlags.Value);
}

function isConst(symbol: ts.Symbol): boolean {
  const d = symbol.valueDeclaration;
  return !!d && ts.isVariableDeclaration(d) && !!(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const);
}

function isPrivate(symbol: ts.Symbol): boolean {
  return (
    symbol.name.startsWith('#') || (symbol.declarations ?? []).some((d) => !!(ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private))
  );
}

/** The release tag api-extractor writes above a declaration in its report (`// @public`), or a TSDoc tag. */
function releaseTag(symbol: ts.Symbol): Tag {
  const text = leadingComments(symbol);
  const match = /@(public|beta|alpha|internal)\b/.exec(text);
  return match ? (match[1] as Tag) : undefined;
}

function isDeprecated(symbol: ts.Symbol): boolean {
  return /@deprecated\b/.test(leadingComments(symbol));
}

function leadingComments(symbol: ts.Symbol): string {
  const d = symbol.declarations?.[0];
  if (!d) return '';
  const statement = ts.isVariableDeclaration(d) ? d.parent.parent : d;
  const source = statement.getSourceFile().text;
  return (ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? []).map((r) => source.slice(r.pos, r.end)).join('\n');
}

/** The bump of two reports' difference (for one entry). */
export function typescriptBump(before: string, after: string, projectDir: string): { bump: Bump; changes: ApiChange[] } {
  const changes = classifyTypescriptReports(before, after, projectDir);
  return { bump: bumpOf(changes, reportCode(before) !== reportCode(after)), changes };
}
