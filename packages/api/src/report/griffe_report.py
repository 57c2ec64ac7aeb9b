"""Shipshape's Python API report, from griffe.

    python3 griffe_report.py report <search-path> <package>   -> the report's code (stub-like Python) on stdout
    python3 griffe_report.py model                             -> the report code on stdin, its API model as JSON

The report lists each public module of the package (a name without a leading underscore, not a test module)
with its public names: the names of ``__all__`` when the module declares it, else the names it defines or
re-exports from the package itself in an ``__init__`` (``from .x import y``) that do not start with an underscore. Each is written
as a Python stub line (``def``, ``class``, ``name: annotation = value``) that ``ast`` reads back for the semver
classifier: the committed report is its own baseline.
"""

import ast
import json
import sys


def _public(name):
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__") and name not in DUNDER_SKIP)


DUNDER_SKIP = {"__all__", "__doc__", "__slots__", "__module__", "__dict__", "__weakref__", "__annotations__", "__version__"}
TEST_NAMES = ("tests", "test", "testing", "conftest")


def _expr(value):
    return "" if value is None else str(value)


COLLECTION = {}


def _annotation(value, depth=0):
    """An annotation as text; a name of a type alias (``VerifyTypes = Union[...]``) is written as the union it
    stands for, so that two versions compare by their members, not by the alias's name."""
    full = getattr(value, "full", None)
    collection = COLLECTION.get("modules")
    if full and collection is not None and depth < 3:
        try:
            target = collection[full]
        except Exception:  # noqa: BLE001 - a name griffe did not load (another package): as written
            target = None
        text = _expr(getattr(target, "value", None)) if target is not None and getattr(target, "kind", None) is not None and target.kind.value == "attribute" else ""
        if text.startswith(("Union[", "Optional[", "typing.Union[", "typing.Optional[")) or (" | " in text and "(" not in text):
            return text
    return _expr(value)


def _params(function):
    out = []
    seen_kw_only = False
    seen_pos_only = False
    params = list(function.parameters)
    for index, param in enumerate(params):
        kind = param.kind.value if hasattr(param.kind, "value") else str(param.kind)
        text = param.name
        if kind == "variadic positional":
            text = "*" + param.name
            seen_kw_only = True
        elif kind == "variadic keyword":
            text = "**" + param.name
        elif kind == "keyword-only" and not seen_kw_only:
            out.append("*")
            seen_kw_only = True
        if param.annotation is not None:
            text += ": " + _annotation(param.annotation)
        if param.default is not None and kind not in ("variadic positional", "variadic keyword"):
            text += (" = " if param.annotation is not None else "=") + _expr(param.default)
        out.append(text)
        if kind == "positional-only":
            seen_pos_only = True
            following = params[index + 1] if index + 1 < len(params) else None
            next_kind = following and (following.kind.value if hasattr(following.kind, "value") else str(following.kind))
            if next_kind != "positional-only":
                out.append("/")
    del seen_pos_only
    return ", ".join(out)


def _resolve(obj):
    seen = 0
    while getattr(obj, "is_alias", False) and seen < 20:
        try:
            obj = obj.target
        except Exception:  # an alias to an object griffe did not load (another package)
            return None
        seen += 1
    return obj


def _labels(obj):
    labels = getattr(obj, "labels", set()) or set()
    return sorted(str(label) for label in labels)


def _function_lines(name, function, indent):
    lines = []
    labels = _labels(function)
    for decorator in ("property", "classmethod", "staticmethod"):
        if decorator in labels:
            lines.append(indent + "@" + decorator)
    prefix = "async def " if "async" in labels else "def "
    returns = " -> " + _annotation(function.returns) if function.returns is not None else ""
    lines.append(indent + prefix + name + "(" + _params(function) + ")" + returns + ": ...")
    return lines


def _attribute_line(name, attribute, indent):
    text = indent + name
    if attribute.annotation is not None:
        text += ": " + _expr(attribute.annotation)
    if attribute.value is not None and "instance-attribute" not in _labels(attribute):
        value = _expr(attribute.value)
        if len(value) > 80 or "\n" in value:
            value = "..."
        text += " = " + value
    elif attribute.annotation is None:
        text += " = ..."  # no annotation and no value shown: an attribute all the same
    return text


def _class_lines(name, klass, indent, package):
    bases = ", ".join(_expr(base) for base in klass.bases)
    lines = [indent + "class " + name + ("(" + bases + ")" if bases else "") + ":"]
    body = []
    for member_name in sorted(klass.members):
        if not _public(member_name):
            continue
        member = _resolve(klass.members[member_name])
        if member is None:
            continue
        body.extend(_member_lines(member_name, member, indent + "    ", package))
    lines.extend(body or [indent + "    ..."])
    return lines


def _member_lines(name, obj, indent, package):
    kind = obj.kind.value
    if kind == "function":
        return _function_lines(name, obj, indent)
    if kind == "class":
        return _class_lines(name, obj, indent, package)
    if kind == "attribute":
        return [_attribute_line(name, obj, indent)]
    return []


def _module_names(module, package):
    exports = getattr(module, "exports", None)
    if exports is not None:
        return [str(name) for name in exports]
    names = []
    for name, member in module.members.items():
        if not _public(name) or name.startswith("__"):
            continue
        if getattr(member, "is_alias", False):
            target = getattr(member, "target_path", "") or ""
            if not (target == package or target.startswith(package + ".")):
                continue  # an import from elsewhere is not this module's API
            if not getattr(module, "is_init_module", False):
                continue  # a plain module's import of the package's own name is its implementation; __init__ re-exports
            if target.count(".") >= 1 and _resolve(member) is not None and _resolve(member).kind.value == "module":
                continue
        elif member.kind.value == "module":
            continue
        names.append(name)
    return names


def _modules(module):
    yield module
    for name in sorted(module.members):
        member = module.members[name]
        if getattr(member, "is_alias", False) or member.kind.value != "module":
            continue
        if name.startswith("_") or name in TEST_NAMES or name.startswith("test_"):
            continue
        yield from _modules(member)


def report(search_path, package):
    from griffe.loader import GriffeLoader

    loader = GriffeLoader(search_paths=[search_path])
    root = loader.load_module(package)
    loader.resolve_aliases(implicit=False, external=False)
    COLLECTION["modules"] = loader.modules_collection
    out = []
    for module in _modules(root):
        lines = []
        for name in sorted(set(_module_names(module, package))):
            member = module.members.get(name)
            if member is None:
                lines.append("# " + name + ": listed in __all__ but not defined")
                continue
            resolved = _resolve(member)
            if resolved is None:
                lines.append("from " + _expr(getattr(member, "target_path", "?")).rpartition(".")[0] + " import " + name)
                continue
            if resolved.kind.value == "module":
                continue
            lines.extend(_member_lines(name, resolved, "", package))
        out.append("# module " + module.path)
        out.extend(lines or ["# (no public names)"])
        out.append("")
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


def _unparse(node):
    return None if node is None else ast.unparse(node)


def _arguments(args):
    params = []
    positional = list(args.posonlyargs) + list(args.args)
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for index, arg in enumerate(positional):
        kind = "positional-only" if index < len(args.posonlyargs) else "positional or keyword"
        params.append({"name": arg.arg, "kind": kind, "annotation": _unparse(arg.annotation), "default": _unparse(defaults[index])})
    if args.vararg:
        params.append({"name": args.vararg.arg, "kind": "variadic positional", "annotation": _unparse(args.vararg.annotation), "default": None})
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        params.append({"name": arg.arg, "kind": "keyword-only", "annotation": _unparse(arg.annotation), "default": _unparse(default)})
    if args.kwarg:
        params.append({"name": args.kwarg.arg, "kind": "variadic keyword", "annotation": _unparse(args.kwarg.annotation), "default": None})
    return params


def _model_of(body, prefix, out, in_class=False):
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorators = [_unparse(d) for d in node.decorator_list]
            if "property" in decorators:
                out[prefix + node.name] = {"kind": "attribute", "annotation": _unparse(node.returns), "value": None}
                continue
            params = _arguments(node.args)
            if in_class and "staticmethod" not in decorators and params and params[0]["kind"] != "keyword-only":
                params = params[1:]  # self / cls
            out[prefix + node.name] = {"kind": "function", "params": params, "returns": _unparse(node.returns), "async": isinstance(node, ast.AsyncFunctionDef)}
        elif isinstance(node, ast.ClassDef):
            out[prefix + node.name] = {"kind": "class", "bases": [_unparse(b) for b in node.bases]}
            _model_of(node.body, prefix + node.name + ".", out, True)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[prefix + node.target.id] = {"kind": "attribute", "annotation": _unparse(node.annotation), "value": _unparse(node.value)}
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[prefix + node.targets[0].id] = {"kind": "attribute", "annotation": None, "value": _unparse(node.value)}
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                out[prefix + (alias.asname or alias.name)] = {"kind": "alias", "target": (node.module or "") + "." + alias.name}


def model(code):
    out = {}
    chunks = []
    current = None
    for line in code.splitlines():
        if line.startswith("# module "):
            current = [line[len("# module "):].strip(), []]
            chunks.append(current)
        elif current is not None:
            current[1].append(line)
    for module, lines in chunks:
        out[module] = {"kind": "module"}
        _model_of(ast.parse("\n".join(lines)).body, module + ":", out)
    json.dump(out, sys.stdout, sort_keys=True)


def main(argv):
    if len(argv) >= 1 and argv[0] == "report" and len(argv) == 3:
        report(argv[1], argv[2])
    elif argv == ["model"]:
        model(sys.stdin.read())
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
