"""What each Python module exports, for @shipshape/api's explicit-exports checks and generator.

Reads {"files": {path: source}} as JSON on stdin and writes {path: result} as JSON on stdout. Per module:
every name bound at module scope (by any statement, not only definitions), what may bind names unseen
(a module-level __getattr__, globals(), exec, star imports), the literal __all__ with the exact span of
each statement that builds it, and where a new __all__ would go. Python 3.8+ (end positions).
"""

import ast
import json
import sys

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)


def bodies(node):
    """Nested statement lists of a compound statement (if/try/with/for/while/match), not of defs and classes."""
    for field in ("body", "orelse", "finalbody"):
        value = getattr(node, field, None)
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            yield value
    for handler in getattr(node, "handlers", None) or []:
        yield handler.body
    for case in getattr(node, "cases", None) or []:
        yield case.body


def module_statements(body):
    for node in body:
        yield node
        if not isinstance(node, FUNCTION_NODES + (ast.ClassDef,)):
            for child in bodies(node):
                for inner in module_statements(child):
                    yield inner


def target_names(target):
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in target_names(e)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []


def is_type_checking(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def literal_strings(node):
    if isinstance(node, (ast.List, ast.Tuple)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
    ):
        return node.elts
    return None


LINES = []


def char_column(line, offset):
    """ast's columns count UTF-8 bytes; edits need characters."""
    text = LINES[line - 1] if 0 < line <= len(LINES) else ""
    return len(text.encode("utf-8")[:offset].decode("utf-8", "replace"))


def span(node):
    return {
        "line": node.lineno,
        "column": char_column(node.lineno, node.col_offset),
        "endLine": node.end_lineno,
        "endColumn": char_column(node.end_lineno, node.end_col_offset),
    }


class Module:
    def __init__(self, tree):
        self.bound = {}
        self.definitions = []
        self.imports = []
        self.dynamic = []
        self.star_imports = []
        self.all_statements = []
        self.all_literal = True
        self.used = set()
        self.conditional = False
        self.collect(tree)

    def bind(self, name, line, kind):
        self.bound.setdefault(name, {"line": line, "kind": kind})

    def collect(self, tree):
        type_checking_lines = set()
        for node in module_statements(tree.body):
            if isinstance(node, ast.If) and is_type_checking(node.test):
                for inner in module_statements(node.body):
                    type_checking_lines.add(id(inner))
        top_level = set(id(node) for node in tree.body)
        for node in module_statements(tree.body):
            self.conditional = id(node) not in top_level
            self.statement(node, id(node) in type_checking_lines)
        # Names bound from inside functions (`global x`) or by walrus at module level, and ways to bind unseen.
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                self.used.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                self.used.add(node.value.id)
            if isinstance(node, ast.Global):
                for name in node.names:
                    self.bind(name, node.lineno, "global")
            elif isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else None
                if name in ("globals", "exec", "vars", "locals"):
                    self.dynamic.append({"line": node.lineno, "reason": "%s()" % name})
                elif name == "setattr" and node.args and "sys.modules" in ast.dump(node.args[0]):
                    self.dynamic.append({"line": node.lineno, "reason": "setattr()"})
                elif isinstance(func, ast.Attribute) and func.attr in ("update", "__setitem__", "setdefault"):
                    if "__dict__" in ast.dump(func.value) or "sys.modules" in ast.dump(func.value):
                        self.dynamic.append({"line": node.lineno, "reason": "module namespace update"})
            elif isinstance(node, ast.Assign) and any("sys.modules" in ast.dump(t) for t in node.targets):
                self.dynamic.append({"line": node.lineno, "reason": "sys.modules assignment"})
        for node in module_statements(tree.body):
            for child in ast.walk(node) if not isinstance(node, FUNCTION_NODES + (ast.ClassDef,)) else []:
                if isinstance(child, ast.NamedExpr) and isinstance(child.target, ast.Name):
                    self.bind(child.target.id, child.lineno, "variable")

    def statement(self, node, type_checking):
        if isinstance(node, FUNCTION_NODES + (ast.ClassDef,)):
            self.bind(node.name, node.lineno, "class" if isinstance(node, ast.ClassDef) else "function")
            self.definitions.append({"name": node.name, "line": node.lineno, "conditional": self.conditional, "typeChecking": type_checking})
            if node.name == "__getattr__":
                self.dynamic.append({"line": node.lineno, "reason": "module __getattr__"})
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [n for t in targets for n in target_names(t)]
            if "__all__" in names:
                self.all_statement(node)
            for name in names:
                if name != "__all__":
                    self.bind(name, node.lineno, "variable")
                    self.definitions.append({"name": name, "line": node.lineno, "conditional": self.conditional, "typeChecking": type_checking})
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "__all__":
                self.all_statement(node)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            for name in target_names(node.target):
                self.bind(name, node.lineno, "variable")
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    for name in target_names(item.optional_vars):
                        self.bind(name, node.lineno, "variable")
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            for handler in node.handlers:
                if handler.name:
                    self.bind(handler.name, handler.lineno, "variable")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                self.bind(bound, node.lineno, "import")
                self.imports.append(
                    {
                        "kind": "import",
                        "module": alias.name,
                        "name": None,
                        "bound": bound,
                        "level": 0,
                        "line": node.lineno,
                        "typeChecking": type_checking,
                        "conditional": self.conditional,
                    }
                )
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    self.star_imports.append({"module": node.module or "", "level": node.level or 0, "line": node.lineno})
                    continue
                bound = alias.asname or alias.name
                self.bind(bound, node.lineno, "import")
                self.imports.append(
                    {
                        "kind": "from",
                        "module": node.module or "",
                        "name": alias.name,
                        "bound": bound,
                        "level": node.level or 0,
                        "line": node.lineno,
                        "typeChecking": type_checking,
                        "conditional": self.conditional,
                    }
                )
        elif type(node).__name__ == "Match":
            for case in node.cases:
                for child in ast.walk(case.pattern):
                    name = getattr(child, "name", None)
                    if isinstance(name, str):
                        self.bind(name, node.lineno, "variable")

    def all_statement(self, node):
        value = getattr(node, "value", None)
        kind = "assign"
        if isinstance(node, ast.AugAssign):
            kind = "extend"
        elif isinstance(node, ast.Expr):
            call = node.value
            kind = call.func.attr
            if kind == "append" and len(call.args) == 1:
                value = ast.List(elts=[call.args[0]], ctx=ast.Load())
                ast.copy_location(value, call.args[0])
                value.end_lineno, value.end_col_offset = call.args[0].end_lineno, call.args[0].end_col_offset
            elif kind == "extend" and len(call.args) == 1:
                value = call.args[0]
            else:
                value = None
        elements = literal_strings(value) if value is not None else None
        if elements is None:
            self.all_literal = False
        self.all_statements.append(
            {
                "kind": kind,
                "statement": span(node),
                "value": span(value) if value is not None else None,
                "container": "tuple" if isinstance(value, ast.Tuple) else "list",
                "elements": [dict(span(e), name=e.value) for e in elements] if elements is not None else None,
            }
        )


def insertion_line(tree):
    """The line after the module's docstring and leading imports: where a new __all__ goes (0: at the top)."""
    line = 0
    for index, node in enumerate(tree.body):
        if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            line = node.end_lineno
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            line = node.end_lineno
            continue
        if isinstance(node, (ast.Try, ast.If)) and all(
            isinstance(n, (ast.Import, ast.ImportFrom, ast.Pass, ast.Assign)) for n in ast.walk(node) if isinstance(n, ast.stmt) and n is not node
        ) and any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(node)):
            line = node.end_lineno
            continue
        break
    return line


def analyze(source, path):
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        return {"error": {"message": error.msg or "invalid syntax", "line": error.lineno}}
    except (ValueError, RecursionError, MemoryError) as error:
        return {"error": {"message": str(error) or type(error).__name__, "line": None}}
    LINES[:] = source.splitlines()
    module = Module(tree)
    return {
        "error": None,
        "bound": module.bound,
        "definitions": module.definitions,
        "imports": module.imports,
        "starImports": module.star_imports,
        "dynamic": module.dynamic,
        "used": sorted(module.used),
        "all": {"statements": module.all_statements, "literal": module.all_literal} if module.all_statements else None,
        "insertAfter": insertion_line(tree),
    }


def main():
    request = json.loads(sys.stdin.read())
    out = {}
    for path, source in request["files"].items():
        try:
            out[path] = analyze(source, path)
        except Exception as error:  # a bug here must not hide the other files
            out[path] = {"error": {"message": "internal: %s" % error, "line": None}}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
