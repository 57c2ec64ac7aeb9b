"""Shipshape's Python helper: one `ast` pass over a batch of files, reported as JSON.

Reads {"files": [path, ...], "maxBytes": n, "environment": bool} on stdin and writes one JSON object on
stdout. The user's code is parsed, never imported or executed. Python 3.8+, standard library only.
With "environment": true the output also describes the installed distributions (their metadata only); with
"importPaths": true it also stamps what they depend on (see import_paths).
"""

import ast
import io
import json
import os
import re
import sys
import threading
import tokenize

IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
TRY_NODES = tuple(getattr(ast, name) for name in ("Try", "TryStar") if hasattr(ast, name))
FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
DEFAULT_MAX_BYTES = 5000000
# Before 3.9 a very deep expression (a generated `a + b + ...` of 100k terms) overflows the C stack while
# parsing and kills the process; a big stack for the worker thread keeps it a per-file result.
PARSER_STACK_BYTES = 256 * 1024 * 1024
# Before 3.10 the stdlib list is read from this interpreter's install, which lacks other platforms' modules.
OTHER_PLATFORM_MODULES = {"_msi", "_overlapped", "_scproxy", "_winapi", "msilib", "msvcrt", "nt", "winreg", "winsound", "posix", "pwd", "grp", "fcntl", "termios", "resource"}


class FileError(Exception):
    def __init__(self, kind, message, line=None):
        Exception.__init__(self, message)
        self.kind = kind
        self.message = message
        self.line = line


def read_source(path, max_bytes):
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise FileError("too-large", "is {:,} bytes, over the limit of {:,} bytes (maxFileBytes); not analyzed".format(size, max_bytes))
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise FileError("unreadable", "cannot be read: %s" % (error.strerror or error))
    if b"\x00" in data:
        raise FileError("binary", "is a binary file (it contains NUL bytes), not Python source")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise FileError("encoding", str(error), getattr(error, "lineno", None))
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        name = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
        raise FileError("encoding", "is not valid %s (byte 0x%02x)" % (name, data[error.start]), line)


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else None
    if isinstance(node, ast.Call):
        return dotted(node.func)
    return None


def last_name(node):
    name = dotted(node)
    return name.rsplit(".", 1)[-1] if name else None


def catches_import_error(handlers):
    for handler in handlers:
        if handler.type is None:
            return True
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(last_name(t) in IMPORT_ERRORS for t in types):
            return True
    return False


def is_type_checking(test):
    return last_name(test) == "TYPE_CHECKING" and not isinstance(test, ast.Call)


VERSION_TEST_NAMES = {"version_info", "PY2", "PY3", "PY36", "PY37", "PY38", "PY39", "PY310", "PY311", "is_py2", "is_py3", "IS_PY2", "IS_PY3", "python_version"}


def test_words(test):
    """The names, attributes and strings an `if` test mentions: what a feature test names."""
    words = set()
    for node in ast.walk(test):
        if isinstance(node, ast.Name):
            words.add(node.id)
        elif isinstance(node, ast.Attribute):
            words.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            words.add(node.value)
    return words


def is_version_test(words):
    return any(word in VERSION_TEST_NAMES for word in words)


class Context(object):
    def __init__(self, guard=None, in_function=False, in_class=False, tests=(), fallback=False):
        self.guard = guard
        self.in_function = in_function
        self.in_class = in_class
        # the words of the enclosing `if` tests, innermost last
        self.tests = tests
        self.fallback = fallback

    def but(self, **changes):
        values = dict(self.__dict__)
        values.update(changes)
        return Context(**values)

    def guarded(self, guard):
        return self if self.guard in ("type-checking", "import-error") else self.but(guard=guard)

    def under_test(self, words):
        return self.but(tests=self.tests + (words,), fallback=self.fallback or is_version_test(words))


def feature_guard(context, module):
    """An import under an `if` whose test names the module (`if is_running_trio(): import trio`) is feature-detected."""
    top = module.split(".")[0].lower() if module else ""
    if context.guard is None and top and any(top == word.lower() or top in re.split(r"[^a-z0-9]+", word.lower()) for words in context.tests for word in words):
        return "feature"
    return context.guard


def import_records(node, context):
    base = {
        "line": node.lineno,
        "column": node.col_offset + 1,
        "inFunction": context.in_function,
        "fallback": context.fallback,
    }
    if isinstance(node, ast.Import):
        return [
            dict(base, module=alias.name, names=[], alias=alias.asname, aliases=[], level=0, kind="import", guard=feature_guard(context, alias.name))
            for alias in node.names
        ]
    return [
        dict(
            base,
            module=node.module or "",
            names=[alias.name for alias in node.names],
            alias=None,
            aliases=[alias.asname for alias in node.names],
            level=node.level or 0,
            kind="from",
            guard=feature_guard(context, node.module if not node.level else ""),
        )
    ]


def bound_names(body):
    """Names a block binds at its own level: imports (their alias or top name) and assignments."""
    names = set()
    for node in body:
        if isinstance(node, ast.Import):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
        else:
            names.update(assigned_names(node))
    return names


class Imports(object):
    def __init__(self):
        self.all = []
        self.module_scope = []
        # names bound in a try that handles ImportError (the flag `has_x`, the module itself, its None fallback)
        self.feature_names = set()

    def add(self, node, context):
        records = import_records(node, context)
        self.all.extend(records)
        if not context.in_function and not context.in_class:
            self.module_scope.extend(records)


def collect_imports(body, context, found):
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.add(node, context)
        elif isinstance(node, FUNCTION_NODES):
            inner = context.but(in_function=True)
            collect_imports(node.body, inner if inner.guard == "type-checking" else inner.but(guard=None), found)
        elif isinstance(node, ast.ClassDef):
            collect_imports(node.body, context.but(in_class=True), found)
        elif isinstance(node, TRY_NODES):
            protected = catches_import_error(node.handlers)
            collect_imports(node.body, context.guarded("import-error") if protected else context, found)
            for handler in node.handlers:
                # the fallback of a failed import: code for an interpreter or an environment without it
                collect_imports(handler.body, context.but(fallback=True) if protected else context, found)
            # `else:` runs only when the try's imports worked: what it imports comes with them. Any try's
            # `else:` runs only when its body did: `try: get_ipython() except NameError: ... else: import IPython`
            body_words = set()
            for statement in node.body:
                body_words |= test_words(statement)
            collect_imports(node.orelse, context.guarded("feature") if protected else context.under_test(body_words), found)
            collect_imports(node.finalbody, context, found)
            if protected:
                found.feature_names.update(bound_names(node.body))
                for handler in node.handlers:
                    found.feature_names.update(bound_names(handler.body))
        elif isinstance(node, ast.If) and is_type_checking(node.test):
            collect_imports(node.body, context.guarded("type-checking"), found)
            collect_imports(node.orelse, context, found)
        elif isinstance(node, ast.If) and isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not) and is_type_checking(node.test.operand):
            collect_imports(node.body, context, found)
            collect_imports(node.orelse, context.guarded("type-checking"), found)
        elif isinstance(node, ast.If):
            words = test_words(node.test)
            tested = context.under_test(words)
            # `if has_simplejson:` after a try that set the flag: the body runs only when that import worked
            collect_imports(node.body, tested.guarded("feature") if words & found.feature_names else tested, found)
            collect_imports(node.orelse, tested, found)
        else:
            for child in nested_bodies(node):
                collect_imports(child, context, found)


def nested_bodies(node):
    """The statement lists under a compound statement (if, for, while, with, match)."""
    for _, value in ast.iter_fields(node):
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(getattr(item, "body", None), list):
                    yield item.body


def module_statements(body):
    """Statements that bind names in the module namespace, through module-level if/try/with/for blocks."""
    for index, node in enumerate(body):
        yield node, body[index + 1] if index + 1 < len(body) else None
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for child in nested_bodies(node):
                for pair in module_statements(child):
                    yield pair


def is_string(node):
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def annotations(node, is_method):
    args = node.args
    positional = list(getattr(args, "posonlyargs", [])) + list(args.args)
    if is_method and "staticmethod" not in decorators(node) and positional:
        positional = positional[1:]
    params = positional + list(args.kwonlyargs) + [a for a in (args.vararg, args.kwarg) if a is not None]
    return {
        "params": len(params),
        "annotatedParams": sum(1 for p in params if p.annotation is not None),
        "returns": node.returns is not None,
    }


def decorators(node):
    return [dotted(d) or "<expression>" for d in node.decorator_list]


def definition(name, kind, node, docstring):
    return {
        "name": name,
        "kind": kind,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "public": not name.startswith("_"),
        "docstring": docstring,
    }


def function_definition(node, is_method=False):
    kind = "async-function" if isinstance(node, ast.AsyncFunctionDef) else "function"
    result = definition(node.name, kind, node, ast.get_docstring(node) is not None)
    result["decorators"] = decorators(node)
    result["annotations"] = annotations(node, is_method)
    return result


def class_definition(node):
    result = definition(node.name, "class", node, ast.get_docstring(node) is not None)
    result["decorators"] = decorators(node)
    result["bases"] = [dotted(b) or "<expression>" for b in node.bases]
    result["methods"] = [function_definition(n, True) for n in node.body if isinstance(n, FUNCTION_NODES)]
    return result


def assigned_names(node):
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign):
        targets = [node.target]
    else:
        return []
    names = []
    for target in targets:
        elements = target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]
        names.extend(e.id for e in elements if isinstance(e, ast.Name))
    return names


def collect_definitions(tree):
    found = []
    for node, following in module_statements(tree.body):
        if isinstance(node, FUNCTION_NODES):
            found.append(function_definition(node))
        elif isinstance(node, ast.ClassDef):
            found.append(class_definition(node))
        else:
            for name in assigned_names(node):
                if name != "__all__":
                    found.append(definition(name, "variable", node, is_string(following)))
    return found


def literal_strings(node):
    if isinstance(node, (ast.List, ast.Tuple)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
    ):
        return [e.value for e in node.elts]
    return None


def all_changes(node):
    """(line, names or None) for a statement that sets or extends `__all__`; None if it does not touch it."""
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and "__all__" in assigned_names(node):
        return node.lineno, literal_strings(node.value) if node.value is not None else None
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "__all__":
        return node.lineno, literal_strings(node.value)
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "__all__":
            args = node.value.args
            if func.attr == "append" and len(args) == 1 and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                return node.lineno, [args[0].value]
            if func.attr == "extend" and len(args) == 1:
                return node.lineno, literal_strings(args[0])
            return node.lineno, None
    return None


def collect_all(tree):
    result = None
    for node, _ in module_statements(tree.body):
        change = all_changes(node)
        if change is None:
            continue
        line, names = change
        if result is None:
            result = {"names": [], "line": line, "dynamic": False}
        if names is None or result["dynamic"]:
            result["names"], result["dynamic"] = None, True
        else:
            result["names"].extend(n for n in names if n not in result["names"])
    return result


def reexports(imports):
    names = []
    for record in imports:
        if record["guard"] == "type-checking" or record["module"] == "__future__":
            continue
        if record["kind"] == "import":
            bound = [record["alias"] or record["module"].split(".")[0]]
        else:
            bound = [alias or name for name, alias in zip(record["names"], record["aliases"]) if name != "*"]
        names.extend(n for n in bound if n not in names)
    return names


def analyze_source(source, path):
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        raise FileError("syntax", error.msg or "invalid syntax", error.lineno)
    imports = Imports()
    collect_imports(tree.body, Context(), imports)
    return {
        "error": None,
        "docstring": ast.get_docstring(tree),
        "imports": imports.all,
        "definitions": collect_definitions(tree),
        "all": collect_all(tree),
        "reexports": reexports(imports.module_scope),
    }


def empty_result(error):
    return {
        "error": {"kind": error.kind, "message": error.message, "line": error.line},
        "docstring": None,
        "imports": [],
        "definitions": [],
        "all": None,
        "reexports": [],
    }


def analyze_file(path, max_bytes):
    try:
        return analyze_source(read_source(path, max_bytes), path)
    except FileError as error:
        return empty_result(error)
    except (RecursionError, MemoryError) as error:
        return empty_result(FileError("syntax", "cannot be parsed: nested too deeply (%s)" % (str(error) or type(error).__name__)))
    except ValueError as error:
        return empty_result(FileError("syntax", "cannot be parsed: %s" % error))
    except Exception as error:  # one file's surprise must not cost the rest of the batch
        return empty_result(FileError("internal", "could not be analyzed: %s: %s" % (type(error).__name__, error)))


def stdlib_modules():
    names = getattr(sys, "stdlib_module_names", None)
    if names is None:
        import pkgutil
        import sysconfig

        paths = [sysconfig.get_paths()["stdlib"]]
        paths.append(os.path.join(paths[0], "lib-dynload"))
        names = set(sys.builtin_module_names) | OTHER_PLATFORM_MODULES
        names.update(m.name for m in pkgutil.iter_modules(paths))
    return sorted(names)

REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
EXTRA_MARKER = re.compile(r"\bextra\s*==")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def top_level_modules(dist):
    declared = dist.read_text("top_level.txt")
    if declared:
        return set(line.strip() for line in declared.split() if line.strip())
    names = set()
    for path in dist.files or []:
        parts = path.parts
        if not parts or parts[0].endswith((".dist-info", ".egg-info")) or parts[0] in ("..", "__pycache__"):
            continue
        if len(parts) > 1:
            names.add(parts[0])
        elif parts[0].endswith(".py"):
            names.add(parts[0][:-3])
    return names


def environment():
    """Installed distributions: import name -> distributions, versions, and what each requires by default."""
    try:
        from importlib import metadata
    except ImportError:
        return None
    modules, versions, requires = {}, {}, {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if not name or normalize(name) in versions:
            continue  # the first one on sys.path is the one imports get
        key = normalize(name)
        versions[key] = dist.version
        needed = set()
        for requirement in dist.requires or []:
            match = REQUIREMENT_NAME.match(requirement)
            marker = requirement.split(";", 1)[1] if ";" in requirement else ""
            if match and not EXTRA_MARKER.search(marker):
                needed.add(normalize(match.group(1)))
        requires[key] = sorted(needed)
        for module in top_level_modules(dist):
            modules.setdefault(module, [])
            if name not in modules[module]:
                modules[module].append(name)
    return {"distributions": modules, "versions": versions, "requires": requires}


def file_stamp(path):
    """The file's mtime in ns, size and inode as "mtime:size:inode", None when absent (Node stats it alike)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return "%d:%d:%d" % (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def import_paths():
    """What the installed distributions depend on, stamped before they are read: the interpreter, its pyvenv.cfg,
    every folder it finds distributions in (sys.path, the site-packages folders and the user's, present or not:
    installing or removing a distribution changes its folder's mtime) and the .pth files in them."""
    import site

    executable = sys.executable or ""
    folder = os.path.dirname(executable)
    paths = [executable, os.path.join(folder, "pyvenv.cfg"), os.path.join(os.path.dirname(folder), "pyvenv.cfg")]
    paths += [os.path.abspath(path or os.curdir) for path in sys.path]
    if hasattr(site, "getsitepackages"):
        paths += site.getsitepackages()
    if hasattr(site, "getusersitepackages"):
        paths.append(site.getusersitepackages())
    stamps, seen = [], set()
    for path in paths:
        if path in seen:
            continue
        seen.add(path)
        stamps.append([path, file_stamp(path)])
        try:
            names = sorted(os.listdir(path)) if os.path.isdir(path) else []
        except OSError:
            names = []
        for name in names:
            if name.endswith(".pth"):
                stamps.append([os.path.join(path, name), file_stamp(os.path.join(path, name))])
    return stamps


def main():
    try:
        request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        files = request["files"]
        max_bytes = int(request.get("maxBytes") or DEFAULT_MAX_BYTES)
        with_environment = bool(request.get("environment"))
        with_import_paths = bool(request.get("importPaths"))
    except (ValueError, KeyError, TypeError) as error:
        sys.stderr.write("shipshape_ast: bad request on stdin: %s\n" % error)
        return 2
    stamps = import_paths() if with_import_paths else None
    result = {
        "python": {"version": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable},
        "stdlibModules": stdlib_modules(),
        "files": in_big_stack(lambda: dict((path, analyze_file(path, max_bytes)) for path in files)),
    }
    if with_environment:
        result["environment"] = environment()
    if stamps is not None:
        result["importPaths"] = stamps
    sys.stdout.write(json.dumps(result))
    return 0


def in_big_stack(work):
    try:
        threading.stack_size(PARSER_STACK_BYTES)
    except (ValueError, RuntimeError):
        return work()
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


if __name__ == "__main__":
    sys.exit(main())
